package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * An allocated cell: its reference (offset from the start of the hive bins data) and a reader bounded to its cell
 * data, whose error offsets are file offsets. See {@code docs/formats/regf.md#cell}.
 *
 * @param ref  the cell's offset relative to the hive bins data
 * @param data its cell data (after the 4-byte size), offset 0 = first byte of cell data
 */
record Cell(int ref, LeReader data) {

    /**
     * @param two a two-letter record signature such as {@code nk}
     * @return it as the little-endian 16-bit value the cell holds
     */
    static int signature(String two) {
        return two.charAt(0) | two.charAt(1) << 8;
    }

    /**
     * @param expected the record signature, e.g. {@code nk}
     * @param what     the record's name for the message
     * @throws FormatException unless the cell data starts with {@code expected}
     */
    void expect(String expected, String what) throws FormatException {
        if (data.size() < 2) { // the message only when it is needed: this runs for every cell read
            data.check(0, 2, what + " signature");
        }
        int found = data.u16(0, what);
        if (found != signature(expected)) {
            throw data.corrupt(0, what + ": signature 0x" + Integer.toHexString(found) + " is not '" + expected
                    + "' (cell 0x" + Integer.toHexString(ref) + ")");
        }
    }
}
