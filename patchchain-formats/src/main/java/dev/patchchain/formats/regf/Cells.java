package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The hive bins data as cells. At open, the hive bin headers are checked (signature, offset, size); the cells of a
 * hive bin are walked the first time a reference lands in it, so that every reference can be checked to land on
 * the start of an allocated cell. See {@code docs/formats/regf.md#hive-bin} and {@code #cell}.
 */
final class Cells {

    static final int HBIN_SIGNATURE = 0x6e696268; // "hbin"
    static final int HBIN_HEADER_SIZE = 32;
    static final int HBIN_OFFSET = 4;
    static final int HBIN_SIZE = 8;
    static final int HBIN_ALIGNMENT = 4096;
    static final int CELL_ALIGNMENT = 8;
    /** A reference meaning "none" (libregf: 0xffffffff). */
    static final int NONE = -1;

    private final LeReader reader;
    private final Leniency leniency;
    /** Absolute offsets of the checked hive bins, ascending, and one past the last bin's end. */
    private final int[] binStarts;
    private final int binCount;
    private final BitSet walkedBins = new BitSet();
    /** Allocated cell starts, indexed by (reference / 8). */
    private final BitSet allocated = new BitSet();

    private Cells(LeReader reader, Leniency leniency, int[] binStarts, int binCount) {
        this.reader = reader;
        this.leniency = leniency;
        this.binStarts = binStarts;
        this.binCount = binCount;
    }

    /**
     * @param buffer       the whole hive, base block included
     * @param source       name for error messages
     * @param hiveBinsSize the declared (and, by now, checked against the buffer) hive bins data size
     * @param leniency     strict or lenient
     * @return the cells
     * @throws FormatException if a hive bin header is damaged (strict) or there is no hive bin at all
     */
    static Cells open(ByteBuffer buffer, String source, int hiveBinsSize, Leniency leniency) throws FormatException {
        LeReader r = LeReader.of(source, buffer, 0);
        int end = BaseBlock.SIZE + hiveBinsSize;
        int[] starts = new int[hiveBinsSize / HBIN_ALIGNMENT + 1];
        int count = 0;
        int at = BaseBlock.SIZE;
        while (at < end) {
            String problem = hbinProblem(r, at, end);
            if (problem == null) {
                starts[count++] = at;
                at += r.u32(at + HBIN_SIZE, "hive bin size");
                continue;
            }
            leniency.tolerate(r.corrupt(at, "hive bin: " + problem));
            at += HBIN_ALIGNMENT; // lenient: look for the next good hive bin
        }
        if (count == 0) {
            throw r.corrupt(BaseBlock.SIZE, "no valid hive bin");
        }
        starts[count] = end;
        return new Cells(r, leniency, starts, count);
    }

    private static String hbinProblem(LeReader r, int at, int end) throws FormatException {
        if (end - at < HBIN_HEADER_SIZE) {
            return "header needs 32 bytes but " + (end - at) + " remain";
        }
        if (r.u32(at, "hive bin signature") != HBIN_SIGNATURE) {
            return "signature is not hbin";
        }
        long offset = r.u32AsLong(at + HBIN_OFFSET, "hive bin offset");
        if (offset != at - BaseBlock.SIZE) {
            return "offset field 0x" + Long.toHexString(offset) + " should be 0x"
                    + Integer.toHexString(at - BaseBlock.SIZE);
        }
        long size = r.u32AsLong(at + HBIN_SIZE, "hive bin size");
        if (size < HBIN_ALIGNMENT || size % HBIN_ALIGNMENT != 0) {
            return "size " + size + " is not a positive multiple of 4096";
        }
        if (size > end - at) {
            return "size " + size + " runs past the end of the hive bins data (" + (end - at) + " bytes remain)";
        }
        return null;
    }

    /** @return the reader over the whole hive */
    LeReader reader() {
        return reader;
    }

    /**
     * @param ref  a cell reference (offset relative to the hive bins data)
     * @param what what the reference is for, for the error message
     * @return the allocated cell it points to
     * @throws FormatException unless the reference lands on the start of an allocated cell
     */
    Cell cell(int ref, String what) throws FormatException {
        return cell(ref, what, null);
    }

    /**
     * As {@link #cell(int, String)} for a reference that belongs to a named structure; the message, {@code what
     * 'name'}, is built only on failure, since this runs for every key and value read.
     *
     * @param ref  a cell reference
     * @param what what the reference is for, e.g. {@code value of key}
     * @param name the name of the key or value it belongs to, or null
     * @return the allocated cell it points to
     * @throws FormatException unless the reference lands on the start of an allocated cell
     */
    Cell cell(int ref, String what, String name) throws FormatException {
        long abs = BaseBlock.SIZE + (ref & 0xFFFFFFFFL);
        if (ref % CELL_ALIGNMENT != 0 || abs >= binStarts[binCount]) {
            throw reader.corrupt(abs, describe(what, name) + ": cell reference 0x" + Integer.toHexString(ref)
                    + " is not an aligned offset inside the hive bins data");
        }
        int bin = Arrays.binarySearch(binStarts, 0, binCount, (int) abs);
        bin = bin >= 0 ? bin : -bin - 2;
        if (bin < 0 || abs < binStarts[bin] + HBIN_HEADER_SIZE) {
            throw reader.corrupt(abs, describe(what, name) + ": cell reference 0x" + Integer.toHexString(ref)
                    + " points into a hive bin header or a skipped hive bin");
        }
        walk(bin);
        if (!allocated.get(ref / CELL_ALIGNMENT)) {
            throw reader.corrupt(abs, describe(what, name) + ": cell reference 0x" + Integer.toHexString(ref)
                    + " does not point to the start of an allocated cell");
        }
        int size = -reader.u32((int) abs, "cell size");
        return new Cell(ref, reader.window((int) abs + 4, size - 4, "cell data"));
    }

    /** @return {@code what 'name'}, or {@code what} without a name */
    static String describe(String what, String name) {
        return name == null ? what : what + " '" + name + "'";
    }

    private void walk(int bin) throws FormatException {
        if (walkedBins.get(bin)) {
            return;
        }
        walkedBins.set(bin);
        int end = binStarts[bin] + reader.u32(binStarts[bin] + HBIN_SIZE, "hive bin size");
        int at = binStarts[bin] + HBIN_HEADER_SIZE;
        while (at < end) {
            int size = reader.u32(at, "cell size");
            long length = Math.abs((long) size);
            if (length < CELL_ALIGNMENT || length % CELL_ALIGNMENT != 0 || length > end - at) {
                leniency.tolerate(reader.corrupt(at, "cell size " + size + " is not a multiple of 8 that fits the "
                        + (end - at) + " bytes left in its hive bin"));
                return; // lenient: the cells after a bad size cannot be found
            }
            if (size < 0) {
                allocated.set((at - BaseBlock.SIZE) / CELL_ALIGNMENT);
            }
            at += (int) length;
        }
    }
}
