package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;

/**
 * Where a value's data goes: resident in the {@code vk} (up to 4 bytes), in one data cell, or, over 16344 bytes in a
 * version 1.4+ hive, in big data ({@code db} cell, segment list, segments). Frees what a value's data used.
 * See {@code docs/formats/regf.md#writing}.
 */
final class ValueDataStore {

    /** The most data the data offset field holds. */
    static final int RESIDENT_MAX = 4;
    static final int DB_CELL_SIZE = 8;
    static final int MAX_SEGMENTS = 0xFFFF;
    /**
     * Every segment cell is 16352 bytes, the last one too: Windows writes them so (regipy's SYSTEM, yarp's
     * BigDataHive), and hivex and libregf take a segment's data as its cell size minus 8.
     */
    static final int SEGMENT_CELL_DATA = BigData.SEGMENT_SIZE + 4;

    /**
     * The two {@code vk} fields that locate data.
     *
     * @param sizeField   the data size field, resident bit included
     * @param offsetField the data offset field (a cell reference, or the resident data)
     */
    record Location(int sizeField, int offsetField) {

        int size() {
            return sizeField & ~ValueKey.RESIDENT;
        }

        boolean resident() {
            return (sizeField & ValueKey.RESIDENT) != 0;
        }
    }

    private final HiveImage image;
    private final CellAllocator cells;
    private final int minorVersion;

    ValueDataStore(HiveImage image, CellAllocator cells, int minorVersion) {
        this.image = image;
        this.cells = cells;
        this.minorVersion = minorVersion;
    }

    /**
     * @param length a data size
     * @return true if that much data needs big data in this hive
     */
    boolean needsBigData(int length) {
        return length > BigData.SEGMENT_SIZE && minorVersion > 3;
    }

    /**
     * @param old  where the value's data is now
     * @param data the new bytes
     * @return true if {@code data} fits the old data cell (not resident, not big data)
     * @throws FormatException if the old data cell is not allocated
     */
    boolean fitsInPlace(Location old, byte[] data) throws FormatException {
        return data.length > RESIDENT_MAX && !needsBigData(data.length) && isPlainCell(old)
                && cells.capacity(old.offsetField()) >= data.length;
    }

    /**
     * Writes {@code data} over the start of the old data cell; the rest of the cell is left as it was.
     *
     * @param old  a location for which {@link #fitsInPlace} holds
     * @param data the new bytes
     * @return the new location (same cell, new size)
     */
    Location overwrite(Location old, byte[] data) {
        image.put(HiveImage.abs(old.offsetField()) + 4, data);
        return new Location(data.length, old.offsetField());
    }

    /**
     * @param data the bytes
     * @return where they were stored, in new cells (or resident)
     * @throws FormatException       if a hive bin cannot be walked
     * @throws RefusedWriteException if the data is too large for the hive
     */
    Location store(byte[] data) throws FormatException, RefusedWriteException {
        if (data.length <= RESIDENT_MAX) {
            int packed = 0;
            for (int i = 0; i < data.length; i++) {
                packed |= (data[i] & 0xFF) << (8 * i);
            }
            return new Location(data.length | ValueKey.RESIDENT, packed);
        }
        if (!needsBigData(data.length)) {
            int ref = cells.allocate(data.length);
            image.put(HiveImage.abs(ref) + 4, data);
            return new Location(data.length, ref);
        }
        int segments = (data.length + BigData.SEGMENT_SIZE - 1) / BigData.SEGMENT_SIZE;
        if (segments > MAX_SEGMENTS) {
            throw new RefusedWriteException(image.source() + ": " + data.length + " bytes need " + segments
                    + " big data segments, more than " + MAX_SEGMENTS);
        }
        int list = cells.allocate(4 * segments);
        for (int i = 0; i < segments; i++) {
            int from = i * BigData.SEGMENT_SIZE;
            int chunk = Math.min(BigData.SEGMENT_SIZE, data.length - from);
            int segment = cells.allocate(SEGMENT_CELL_DATA);
            byte[] part = new byte[chunk];
            System.arraycopy(data, from, part, 0, chunk);
            image.put(HiveImage.abs(segment) + 4, part);
            image.put32(HiveImage.abs(list) + 4 + 4L * i, segment);
        }
        int db = cells.allocate(DB_CELL_SIZE);
        long d = HiveImage.abs(db) + 4;
        image.put16(d, Cell.signature("db"));
        image.put16(d + BigData.SEGMENT_COUNT, segments);
        image.put32(d + BigData.SEGMENT_LIST, list);
        return new Location(data.length, db);
    }

    /**
     * Frees the cells a value's data used (nothing for resident or empty data).
     *
     * @param old where the data is
     * @throws FormatException if one of those cells is not allocated
     */
    void free(Location old) throws FormatException {
        if (old.resident() || old.size() == 0) {
            return;
        }
        if (isPlainCell(old)) {
            cells.free(old.offsetField());
            return;
        }
        long d = HiveImage.abs(old.offsetField()) + 4;
        int list = image.u32(d + BigData.SEGMENT_LIST, "big data segment list");
        // Only the segments the data needs were checked by the reader; a longer list's tail is left alone.
        int needed = (old.size() + BigData.SEGMENT_SIZE - 1) / BigData.SEGMENT_SIZE;
        for (int i = 0; i < needed; i++) {
            cells.free(image.u32(HiveImage.abs(list) + 4 + 4L * i, "big data segment reference"));
        }
        cells.free(list);
        cells.free(old.offsetField());
    }

    /** The reader's rule: big data only over 16344 bytes, in 1.4+ hives, in a cell that starts with {@code db}. */
    private boolean isPlainCell(Location loc) throws FormatException {
        if (loc.resident() || loc.size() == 0) {
            return false;
        }
        return !needsBigData(loc.size()) || cells.capacity(loc.offsetField()) < 2
                || image.u16(HiveImage.abs(loc.offsetField()) + 4, "big data signature") != Cell.signature("db");
    }
}
