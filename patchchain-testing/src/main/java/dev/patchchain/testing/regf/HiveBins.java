package dev.patchchain.testing.regf;

import java.util.Arrays;

/**
 * The hive bins data a {@link RegfBuilder} lays out: cells appended to the current hive bin, a new (large enough)
 * hive bin started when a cell does not fit, the rest of a bin closed with a free cell.
 */
final class HiveBins {

    static final int BIN = 4096;
    static final int BIN_HEADER = 32;

    private byte[] data = new byte[BIN];
    private int binStart;
    private int binEnd;
    private int used;

    HiveBins() {
        startBin(BIN);
    }

    /**
     * @param dataSize the cell data size
     * @return the new allocated cell's reference (offset from the start of the hive bins data)
     */
    int allocate(int dataSize) {
        int size = (dataSize + 4 + 7) & ~7;
        if (size > binEnd - used) {
            closeBin();
            startBin((size + BIN_HEADER + BIN - 1) / BIN * BIN);
        }
        int ref = used;
        putInt(ref, -size);
        used += size;
        return ref;
    }

    /** Cell data offset within the hive bins data, for a cell reference. */
    static int data(int ref) {
        return ref + 4;
    }

    void putInt(int at, int v) {
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (v >>> (8 * i));
        }
    }

    void putShort(int at, int v) {
        data[at] = (byte) v;
        data[at + 1] = (byte) (v >>> 8);
    }

    void putLong(int at, long v) {
        putInt(at, (int) v);
        putInt(at + 4, (int) (v >>> 32));
    }

    void put(int at, byte[] bytes) {
        System.arraycopy(bytes, 0, data, at, bytes.length);
    }

    /** @return the finished hive bins data (the last bin closed) */
    byte[] finish() {
        closeBin();
        return Arrays.copyOf(data, binEnd);
    }

    private void startBin(int size) {
        binStart = binEnd;
        binEnd = binStart + size;
        data = Arrays.copyOf(data, Math.max(data.length, binEnd));
        data[binStart] = 'h';
        data[binStart + 1] = 'b';
        data[binStart + 2] = 'i';
        data[binStart + 3] = 'n';
        putInt(binStart + 4, binStart);
        putInt(binStart + 8, size);
        used = binStart + BIN_HEADER;
    }

    private void closeBin() {
        if (used < binEnd) {
            putInt(used, binEnd - used); // one free cell fills the rest
            used = binEnd;
        }
    }
}
