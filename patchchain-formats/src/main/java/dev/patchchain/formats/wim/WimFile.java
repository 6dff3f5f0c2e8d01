package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.HexFormat;

/**
 * An opened WIM: its header and blob table are read; an image's directory tree is read on {@link #image}, a file's
 * bytes on {@link #contents}, and checked against the SHA-1 the blob table names them by.
 *
 * <pre>{@code
 * try (WimFile wim = WimReader.open(Path.of("Windows10.0-KB5034441-x64.wim"), WimLimits.DEFAULT)) {
 *     WimImage image = wim.image(1);
 *     byte[] mum = wim.contents(image.find("update.mum").orElseThrow());
 * }
 * }</pre>
 */
public final class WimFile implements Closeable {


    private final RangeInput in;
    private final SeekableByteChannel channel;
    private final WimHeader header;
    private final BlobTable blobs;
    private final ResourceReader resources;
    private final SolidResourceReader solid;
    private final WimLimits limits;

    WimFile(RangeInput in, SeekableByteChannel channel, WimHeader header, BlobTable blobs, ResourceReader resources,
            WimLimits limits) {
        this.in = in;
        this.channel = channel;
        this.header = header;
        this.blobs = blobs;
        this.resources = resources;
        this.solid = new SolidResourceReader(in);
        this.limits = limits;
    }

    /** @return the input's name */
    public String source() {
        return in.source();
    }

    /** @return how its compressed resources are compressed */
    public WimCompression compression() {
        return header.compression();
    }

    /** @return the expanded size of one chunk of a compressed resource */
    public int chunkSize() {
        return header.chunkSize();
    }

    /** @return the number of images */
    public int imageCount() {
        return header.imageCount();
    }

    /**
     * @param index the image's 1-based index
     * @return its files and directories
     * @throws IOException a {@link FormatException} if its metadata resource cannot be read, or is damaged
     */
    public WimImage image(int index) throws IOException {
        if (index < 1 || index > header.imageCount()) {
            throw new IllegalArgumentException("image " + index + " of " + header.imageCount());
        }
        BlobEntry meta = blobs.metadata(index);
        String what = "metadata resource of image " + index;
        byte[] bytes = resources.read(meta.resource(), what, limits.maxMetadataBytes());
        requireHash(bytes, meta, what);
        return MetadataTree.read(index, LeReader.of(in.source() + " " + what, bytes), blobs, limits);
    }

    /**
     * @param entry an entry of one of this file's images
     * @return the bytes of its unnamed data stream, whose SHA-1 was checked
     * @throws IOException a {@link FormatException}: {@code CORRUPT} if they do not decode or do not hash right,
     *                     {@code UNSUPPORTED} over {@link WimLimits#maxFileBytes}, or an
     *                     {@link UndecodedResourceException} for LZMS, which this reader does not decode
     */
    public byte[] contents(WimEntry entry) throws IOException {
        Sha1 hash = new Sha1(HexFormat.of().parseHex(entry.sha1()));
        if (hash.isZero()) {
            return new byte[0];
        }
        BlobEntry blob = blobs.blob(hash);
        if (blob == null) {
            throw in.corrupt(-1, entry.path() + ": SHA-1 " + hash + " is not in the blob table");
        }
        byte[] bytes = blob.resource().has(ResourceHeader.SOLID)
                ? solid.read(blobs.solidResource(blob.solidIndex()), blob, entry.path(), limits.maxFileBytes())
                : resources.read(blob.resource(), entry.path(), limits.maxFileBytes());
        requireHash(bytes, blob, entry.path());
        return bytes;
    }

    private void requireHash(byte[] bytes, BlobEntry blob, String what) throws FormatException {
        Sha1 actual = Sha1.of(bytes, bytes.length);
        if (!actual.equals(blob.sha1())) {
            throw in.corrupt(blob.resource().offset(), what + ": SHA-1 " + actual + " differs from the blob "
                    + "table's " + blob.sha1());
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
