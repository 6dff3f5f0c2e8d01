package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;

/**
 * A big data record ({@code db}): the list of segments holding value data over 16344 bytes (hive version 1.4 and
 * later). Offsets are from the start of the cell data; see {@code docs/formats/regf.md#big-data}.
 */
record BigData(int segmentCount, int segmentList) {

    static final int SEGMENT_COUNT = 2;
    static final int SEGMENT_LIST = 4;
    /** The most a data segment holds; every segment but the last holds exactly this. */
    static final int SEGMENT_SIZE = 16344;

    static BigData read(Cell cell) throws FormatException {
        cell.expect("db", "big data");
        return new BigData(cell.data().u16(SEGMENT_COUNT, "big data segment count"),
                cell.data().u32(SEGMENT_LIST, "big data segment list"));
    }
}
