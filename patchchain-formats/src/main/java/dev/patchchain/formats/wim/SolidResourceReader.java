package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Expands one blob of a solid resource ({@code docs/formats/wim.md#solid-resources}): the resource starts with its
 * own header (expanded size, chunk size, compression), then the compressed size of every chunk, then the chunks;
 * a blob is a range of the expanded data, and only the chunks it overlaps are decoded. A chunk as long as its
 * expanded size is stored. LZMS, the usual compression of solid resources, is not decoded here.
 */
final class SolidResourceReader {

    private static final int HEADER = 16;
    private static final int EXPANDED_SIZE = 0x00;
    private static final int CHUNK_SIZE = 0x08;
    private static final int FORMAT = 0x0C;

    private final RangeInput in;
    private final Map<Long, long[]> chunkStarts = new HashMap<>(); // per solid resource, computed once

    SolidResourceReader(RangeInput in) {
        this.in = in;
    }

    /**
     * @param solid    the solid resource, as its blob table entry describes it
     * @param blob     the blob's entry
     * @param what     what the blob holds, for errors
     * @param maxBytes the largest blob accepted
     * @return the blob's bytes
     * @throws IOException a {@link FormatException}: {@link UndecodedResourceException} for LZMS
     */
    byte[] read(ResourceHeader solid, BlobEntry blob, String what, long maxBytes) throws IOException {
        in.requireInside(solid.offset(), solid.sizeInWim(), "solid resource");
        if (solid.sizeInWim() < HEADER) {
            throw in.corrupt(solid.offset(), "solid resource of " + solid.sizeInWim() + " bytes has no header");
        }
        LeReader h = in.read(solid.offset(), HEADER, "solid resource header");
        long expanded = h.u64(EXPANDED_SIZE, "solid expanded size");
        long chunkSize = h.u32AsLong(CHUNK_SIZE, "solid chunk size");
        int format = h.u32(FORMAT, "solid compression format");
        WimCompression compression = WimCompression.ofSolidFormat(format);
        if (compression == null) {
            throw in.corrupt(solid.offset() + FORMAT, "solid compression format " + format + " (known: 1 XPRESS, "
                    + "2 LZX, 3 LZMS)");
        }
        ChunkDecoder decoder = ResourceReader.decoderFor(compression);
        if (decoder == null) {
            throw new UndecodedResourceException(in.source(), solid.offset(), compression.name(), what
                    + " is in a solid resource compressed with " + compression + ", which this reader does not expand");
        }
        if (Long.bitCount(chunkSize) != 1 || chunkSize > decoder.maxChunkSize()) {
            throw in.unsupported(solid.offset() + CHUNK_SIZE, "solid " + compression + " chunks of " + chunkSize
                    + " bytes (a power of 2 up to " + decoder.maxChunkSize() + " is read)");
        }
        long start = blob.resource().offset();
        long size = blob.size();
        if (expanded < 0 || start < 0 || size > expanded || start > expanded - size) {
            throw in.corrupt(solid.offset(), what + " spans [" + start + ", +" + size + ") of a solid resource of "
                    + expanded + " bytes");
        }
        if (size > maxBytes) {
            throw in.unsupported(solid.offset(), what + " is " + size + " bytes, over the limit of " + maxBytes);
        }
        long chunks = expanded / chunkSize + (expanded % chunkSize != 0 ? 1 : 0); // no overflow near Long.MAX_VALUE
        int entrySize = expanded > 0xFFFF_FFFFL ? 8 : 4;
        if (chunks > (Integer.MAX_VALUE - 1) / entrySize) {
            throw in.unsupported(solid.offset(), "a solid resource of " + chunks + " chunks (at most "
                    + (Integer.MAX_VALUE - 1) / entrySize + " are read)");
        }
        if (chunks > (solid.sizeInWim() - HEADER) / entrySize) {
            throw in.corrupt(solid.offset(), "a solid resource of " + chunks + " chunks has no room for their sizes"
                    + " in its " + solid.sizeInWim() + " bytes");
        }
        int tableSize = (int) (chunks * entrySize);
        LeReader table = in.read(solid.offset() + HEADER, tableSize, "solid chunk sizes");
        long dataStart = solid.offset() + HEADER + tableSize;
        long dataSize = solid.sizeInWim() - HEADER - tableSize;
        long[] starts = chunkStarts.get(solid.offset());
        if (starts == null) {
            starts = starts(table, entrySize, (int) chunks);
            chunkStarts.put(solid.offset(), starts);
        }
        return expand(new Chunks(starts, (int) chunkSize, expanded, dataStart, dataSize), decoder, start, (int) size,
                what);
    }

    /** Where each chunk starts among the chunks, from their sizes; one more entry for the end. */
    private static long[] starts(LeReader table, int entrySize, int chunks) throws FormatException {
        long[] starts = new long[chunks + 1];
        for (int i = 0; i < chunks; i++) {
            long size = entrySize == 8 ? table.u64(i * 8, "solid chunk size") : table.u32AsLong(i * 4,
                    "solid chunk size");
            if (size < 0 || starts[i] > Long.MAX_VALUE - size) {
                throw table.corrupt((long) i * entrySize, "solid chunk size " + Long.toUnsignedString(size));
            }
            starts[i + 1] = starts[i] + size;
        }
        return starts;
    }

    private byte[] expand(Chunks c, ChunkDecoder decoder, long start, int size, String what) throws IOException {
        byte[] chunk = new byte[c.chunkSize];
        byte[] out = new byte[(int) Math.min(size, Math.max(c.dataSize, c.chunkSize))];
        long first = start / c.chunkSize;
        long last = size == 0 ? first - 1 : (start + size - 1) / c.chunkSize;
        int written = 0;
        for (long i = first; i <= last; i++) {
            long at = c.starts[(int) i];
            long inLen = c.starts[(int) i + 1] - at;
            int outLen = (int) Math.min(c.chunkSize, c.expanded - i * c.chunkSize);
            if (inLen > outLen || at > c.dataSize || inLen > c.dataSize - at) {
                throw in.corrupt(c.dataStart + at, what + ": solid chunk " + i + " of " + inLen + " bytes (at most "
                        + outLen + ", and " + (c.dataSize - at) + " remain)");
            }
            byte[] compressed = new byte[(int) inLen];
            in.readFully(c.dataStart + at, compressed, (int) inLen, what + " solid chunk " + i);
            if (inLen == outLen) {
                System.arraycopy(compressed, 0, chunk, 0, outLen);
            } else {
                try {
                    decoder.decode(compressed, chunk, outLen, in.source(), c.dataStart + at);
                } catch (ChunkDecoder.BadChunkException e) {
                    throw in.corrupt(c.dataStart + at, what + ": solid chunk " + i + ": " + e.getMessage());
                }
            }
            int from = i == first ? (int) (start - first * c.chunkSize) : 0;
            int n = Math.min(outLen - from, size - written);
            if (written + n > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(size, Math.max(2L * out.length, written + n)));
            }
            System.arraycopy(chunk, from, out, written, n);
            written += n;
        }
        return out;
    }

    /** Where the chunks start (relative to {@code dataStart}) and how large they are expanded. */
    private record Chunks(long[] starts, int chunkSize, long expanded, long dataStart, long dataSize) {
    }
}
