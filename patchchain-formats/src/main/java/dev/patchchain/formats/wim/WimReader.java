package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a Windows Imaging (WIM) file ({@code docs/formats/wim.md}): reads its header and blob table.
 *
 * <pre>{@code
 * try (WimFile wim = WimReader.open(Path.of("install.wim"), WimLimits.DEFAULT)) {
 *     wim.image(1).entries();   // Windows, Windows\System32, ...
 * }
 * }</pre>
 *
 * <p>{@code NOT_THIS_FORMAT}: no {@code MSWIM} magic. {@code UNSUPPORTED}: a split WIM, an unknown version or
 * compression, over a {@link WimLimits} limit. {@code CORRUPT}: anything that does not fit or hash right.
 */
public final class WimReader {

    private WimReader() {
    }

    /**
     * @param file   the WIM
     * @param limits what it may make us read
     * @return the opened WIM, to close
     * @throws IOException a {@link FormatException} if it is not a readable WIM
     */
    public static WimFile open(Path file, WimLimits limits) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            return open(RangeInput.of(channel, file.toString(), "WIM"), channel, limits);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * @param data   the WIM's bytes, not copied
     * @param source its name, for errors
     * @param limits what it may make us read
     * @return the opened WIM
     * @throws IOException a {@link FormatException} if it is not a readable WIM
     */
    public static WimFile open(byte[] data, String source, WimLimits limits) throws IOException {
        return open(RangeInput.of(data, source, "WIM"), null, limits);
    }

    private static WimFile open(RangeInput in, SeekableByteChannel channel, WimLimits limits) throws IOException {
        WimHeader header = WimHeader.read(in);
        ResourceReader resources = new ResourceReader(in, header);
        long maxTable = (long) limits.maxEntries() * BlobEntry.SIZE;
        byte[] table = resources.read(header.blobTable(), "blob table", maxTable);
        return new WimFile(in, channel, header, BlobTable.read(table, header, in.source(), limits), resources,
                limits);
    }
}
