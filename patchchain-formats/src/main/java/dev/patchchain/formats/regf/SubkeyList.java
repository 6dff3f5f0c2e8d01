package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;

/**
 * A subkeys list: index leaf {@code li}, fast leaf {@code lf}, hash leaf {@code lh} (all pointing at key nodes) or
 * index root {@code ri} (pointing at leaves). Offsets are from the start of the cell data;
 * see {@code docs/formats/regf.md#subkeys-lists}.
 *
 * @param indexRoot true for {@code ri}
 * @param elements  the key node (or, for {@code ri}, leaf) references, in list order
 */
record SubkeyList(boolean indexRoot, int[] elements) {

    static final int COUNT = 2;
    static final int ELEMENTS = 4;

    static SubkeyList read(Cell cell) throws FormatException {
        var d = cell.data();
        int signature = d.u16(0, "subkeys list signature");
        int step;
        if (signature == Cell.signature("li") || signature == Cell.signature("ri")) {
            step = 4;
        } else if (signature == Cell.signature("lf") || signature == Cell.signature("lh")) {
            step = 8;
        } else {
            throw d.corrupt(0, "subkeys list: signature 0x" + Integer.toHexString(signature)
                    + " is none of li, lf, lh, ri (cell 0x" + Integer.toHexString(cell.ref()) + ")");
        }
        int count = d.u16(COUNT, "subkeys list count");
        d.check(ELEMENTS, count * step, "subkeys list of " + count + " elements");
        int[] elements = new int[count];
        for (int i = 0; i < count; i++) {
            elements[i] = d.u32(ELEMENTS + i * step, "subkeys list element");
        }
        return new SubkeyList(signature == Cell.signature("ri"), elements);
    }
}
