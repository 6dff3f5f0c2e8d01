package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Expands a (non-solid) resource: stored as is, or compressed in chunks behind a chunk table
 * ({@code docs/formats/wim.md#compressed-resources}). The chunk table holds, for every chunk but the first, where it
 * starts relative to the end of the table: 4-byte entries, or 8-byte ones when the resource expands to more than
 * 4 GiB. A chunk as long as its expanded size is stored.
 */
final class ResourceReader {

    private final RangeInput in;
    private final WimHeader header;
    private final ChunkDecoder decoder;

    ResourceReader(RangeInput in, WimHeader header) {
        this.in = in;
        this.header = header;
        this.decoder = decoderFor(header.compression());
    }

    /** @return the chunk decoder of a compression, {@code null} for one we do not decode (or none) */
    static ChunkDecoder decoderFor(WimCompression compression) {
        return switch (compression) {
            case XPRESS -> new XpressDecoder();
            case LZX -> new LzxChunkDecoder();
            default -> null;
        };
    }

    /**
     * @param r        the resource
     * @param what     what it holds, for errors
     * @param maxBytes the largest expanded size accepted
     * @return its expanded bytes
     * @throws IOException a {@link FormatException}: {@code UNSUPPORTED} over the limit or for a compression we do
     *                     not decode, {@code CORRUPT} if it does not lie in the file or does not decode
     */
    byte[] read(ResourceHeader r, String what, long maxBytes) throws IOException {
        if (r.has(ResourceHeader.SOLID)) {
            throw new UndecodedResourceException(in.source(), r.offset(), "solid",
                    what + " is in a solid resource, which this reader does not expand");
        }
        if (r.originalSize() > maxBytes) {
            throw in.unsupported(r.offset(), what + " expands to " + r.originalSize() + " bytes, over the limit of "
                    + maxBytes);
        }
        in.requireInside(r.offset(), r.sizeInWim(), what);
        int size = (int) r.originalSize();
        if (!r.has(ResourceHeader.COMPRESSED)) {
            if (r.sizeInWim() != size) {
                throw in.corrupt(r.offset(), what + " is stored but its size in the file, " + r.sizeInWim()
                        + ", differs from its expanded size " + size);
            }
            byte[] out = new byte[size];
            in.readFully(r.offset(), out, size, what);
            return out;
        }
        if (header.compression() == WimCompression.NONE) {
            throw in.corrupt(r.offset(), what + " is marked compressed in a WIM whose header names no compression");
        }
        if (decoder == null) {
            throw new UndecodedResourceException(in.source(), r.offset(), header.compression().name(),
                    what + " is compressed with " + header.compression() + ", which this reader does not decode");
        }
        return expandChunks(r, what, size);
    }

    private byte[] expandChunks(ResourceHeader r, String what, int size) throws IOException {
        int chunkSize = header.chunkSize();
        if (chunkSize > decoder.maxChunkSize()) {
            throw in.unsupported(r.offset(), what + ": " + header.compression() + " chunks of " + chunkSize
                    + " bytes, over the " + decoder.maxChunkSize() + " this reader decodes");
        }
        long chunks = (r.originalSize() + chunkSize - 1) / chunkSize;
        int entrySize = r.originalSize() > 0xFFFF_FFFFL ? 8 : 4;
        long tableSize = Math.max(0, chunks - 1) * entrySize;
        if (tableSize > r.sizeInWim()) {
            throw in.corrupt(r.offset(), what + ": a chunk table of " + tableSize + " bytes for " + chunks
                    + " chunks does not fit in its " + r.sizeInWim() + " bytes");
        }
        LeReader table = in.read(r.offset(), (int) tableSize, what + " chunk table");
        long dataStart = r.offset() + tableSize;
        long dataSize = r.sizeInWim() - tableSize;
        byte[] expanded = new byte[Math.min(chunkSize, size)];
        // The output grows as chunks decode, so a size the file declares but cannot back costs nothing up front.
        byte[] out = new byte[(int) Math.min(size, Math.max(r.sizeInWim(), chunkSize))];
        long start = 0;
        for (int i = 0; i < chunks; i++) {
            long end = i == chunks - 1 ? dataSize : entry(table, i, entrySize);
            int outLen = (int) Math.min(chunkSize, r.originalSize() - (long) i * chunkSize);
            if (end < start || end > dataSize || end - start > outLen) {
                throw in.corrupt(r.offset() + (long) i * entrySize, what + ": chunk " + i + " spans [" + start + ", "
                        + end + ") of " + dataSize + " bytes of chunks, for " + outLen + " expanded bytes");
            }
            int inLen = (int) (end - start);
            int outAt = i * chunkSize;
            if (inLen == outLen) {
                in.readFully(dataStart + start, expanded, inLen, what + " chunk " + i);
            } else {
                byte[] compressed = new byte[inLen];
                in.readFully(dataStart + start, compressed, inLen, what + " chunk " + i);
                try {
                    decoder.decode(compressed, expanded, outLen, in.source(), dataStart + start);
                } catch (ChunkDecoder.BadChunkException e) {
                    throw in.corrupt(dataStart + start, what + ": chunk " + i + ": " + e.getMessage());
                }
            }
            if (outAt + outLen > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(size, Math.max(2L * out.length, outAt + outLen)));
            }
            System.arraycopy(expanded, 0, out, outAt, outLen);
            start = end;
        }
        return out;
    }

    private static long entry(LeReader table, int i, int entrySize) throws FormatException {
        return entrySize == 8 ? table.u64(i * 8, "chunk table entry") : table.u32AsLong(i * 4, "chunk table entry");
    }
}
