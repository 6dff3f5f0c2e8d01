package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;

/**
 * Allocates and frees cells in a {@link HiveImage}. Allocation takes the first free cell big enough, in file order,
 * splitting off the rest as a free cell when at least 8 bytes remain; when none fits, it appends a hive bin of the
 * smallest multiple of 4096 that holds the cell. Freeing makes the size positive and leaves the bytes, merged with a
 * free cell just before or after it in the same bin (as Windows does). See {@code docs/formats/regf.md#writing}.
 */
final class CellAllocator {

    private final HiveImage image;

    CellAllocator(HiveImage image) {
        this.image = image;
    }

    /** @return the cell size (size field included, 8-aligned) that holds {@code dataSize} bytes of cell data */
    static int cellSize(int dataSize) {
        return (dataSize + 4 + Cells.CELL_ALIGNMENT - 1) & -Cells.CELL_ALIGNMENT;
    }

    /**
     * @param ref an allocated cell
     * @return how many bytes of cell data it holds
     * @throws FormatException if the cell is not allocated
     */
    int capacity(int ref) throws FormatException {
        int size = image.u32(HiveImage.abs(ref), "cell size");
        if (size >= 0) {
            throw image.reader().corrupt(HiveImage.abs(ref), "cell 0x" + Integer.toHexString(ref)
                    + " is free but still referenced");
        }
        return -size - 4;
    }

    /**
     * @param dataSize the cell data size wanted
     * @return the new allocated cell's reference; its data is zeroed
     * @throws FormatException        if a hive bin's cells cannot be walked
     * @throws RefusedWriteException  if the hive cannot grow
     */
    int allocate(int dataSize) throws FormatException, RefusedWriteException {
        int size = cellSize(dataSize);
        long found = findFree(size);
        if (found < 0) {
            int binSize = (size + Cells.HBIN_HEADER_SIZE + Cells.HBIN_ALIGNMENT - 1) / Cells.HBIN_ALIGNMENT
                    * Cells.HBIN_ALIGNMENT;
            int binOffset = image.appendBinSpace(binSize);
            long bin = HiveImage.abs(binOffset);
            image.put32(bin, Cells.HBIN_SIGNATURE);
            image.put32(bin + Cells.HBIN_OFFSET, binOffset);
            image.put32(bin + Cells.HBIN_SIZE, binSize);
            found = bin + Cells.HBIN_HEADER_SIZE;
            image.put32(found, binSize - Cells.HBIN_HEADER_SIZE);
        }
        int free = image.u32(found, "cell size");
        if (free - size >= Cells.CELL_ALIGNMENT) {
            image.put32(found + size, free - size);
        } else {
            size = free;
        }
        image.put32(found, -size);
        image.put(found + 4, new byte[size - 4]);
        return (int) (found - BaseBlock.SIZE);
    }

    /**
     * Frees a cell and merges it with a free cell just before or after it in its hive bin, as Windows does.
     *
     * @param ref an allocated cell no longer referenced
     * @throws FormatException if it is not an allocated cell, or its hive bin cannot be walked
     */
    void free(int ref) throws FormatException {
        long target = HiveImage.abs(ref);
        int size = capacity(ref) + 4;
        long start = target;
        long bin = binOf(target);
        long binEnd = bin + image.u32(bin + Cells.HBIN_SIZE, "hive bin size");
        for (long at = bin + Cells.HBIN_HEADER_SIZE; at < target; ) {
            int cell = cellSize(at, binEnd);
            if (at + Math.abs(cell) == target && cell > 0) {
                start = at; // the free cell just before
            }
            at += Math.abs(cell);
        }
        long end = target + size;
        if (end < binEnd) {
            int next = cellSize(end, binEnd);
            if (next > 0) {
                end += next;
            }
        }
        image.put32(start, (int) (end - start));
    }

    /** @return the file offset of the hive bin holding {@code abs} */
    private long binOf(long abs) throws FormatException {
        long end = HiveImage.abs(image.hiveBinsSize());
        for (long bin = BaseBlock.SIZE; bin < end; ) {
            long next = bin + checkedBinSize(bin, end);
            if (abs < next) {
                return bin;
            }
            bin = next;
        }
        throw image.reader().corrupt(abs, "cell outside the hive bins data");
    }

    private int checkedBinSize(long bin, long end) throws FormatException {
        int binSize = image.u32(bin + Cells.HBIN_SIZE, "hive bin size");
        if (image.u32(bin, "hive bin signature") != Cells.HBIN_SIGNATURE || binSize < Cells.HBIN_ALIGNMENT
                || binSize % Cells.HBIN_ALIGNMENT != 0 || binSize > end - bin) {
            throw image.reader().corrupt(bin, "hive bin: bad header; refusing to write into a damaged hive");
        }
        return binSize;
    }

    /** @return the size field of the cell at {@code at}, checked to be a multiple of 8 that fits its bin */
    private int cellSize(long at, long binEnd) throws FormatException {
        int cell = image.u32(at, "cell size");
        long length = Math.abs((long) cell);
        if (length < Cells.CELL_ALIGNMENT || length % Cells.CELL_ALIGNMENT != 0 || length > binEnd - at) {
            throw image.reader().corrupt(at, "cell size " + cell + " does not fit its hive bin;"
                    + " refusing to write into a damaged hive");
        }
        return cell;
    }

    /** @return the file offset of the first free cell of at least {@code size} bytes, or -1 */
    private long findFree(int size) throws FormatException {
        long end = HiveImage.abs(image.hiveBinsSize());
        for (long bin = BaseBlock.SIZE; bin < end; ) {
            long binEnd = bin + checkedBinSize(bin, end);
            for (long at = bin + Cells.HBIN_HEADER_SIZE; at < binEnd; ) {
                int cell = cellSize(at, binEnd);
                if (cell >= size) {
                    return at;
                }
                at += Math.abs(cell);
            }
            bin = binEnd;
        }
        return -1;
    }
}
