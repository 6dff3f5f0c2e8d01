package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;

/**
 * A key value ({@code vk}) as declared. Offsets are from the start of the cell data;
 * see {@code docs/formats/regf.md#key-value}.
 *
 * @param dataSize   the declared size with the "resident" bit removed
 * @param resident   true when the data (at most 4 bytes) sits in the data offset field itself
 * @param dataOffset the data cell reference (or, when resident, the data)
 */
record ValueKey(int ref, String name, int dataSize, boolean resident, int dataOffset, int type) {

    static final int NAME_LENGTH = 2;
    static final int DATA_SIZE = 4;
    static final int DATA_OFFSET = 8;
    static final int TYPE = 12;
    static final int FLAGS = 16;
    static final int NAME = 20;
    /** VALUE_COMP_NAME: the name is Latin-1. */
    static final int COMP_NAME = 0x0001;
    static final int RESIDENT = 0x80000000;

    static ValueKey read(Cell cell) throws FormatException {
        cell.expect("vk", "key value");
        var d = cell.data();
        int nameLength = d.u16(NAME_LENGTH, "key value name length");
        int flags = d.u16(FLAGS, "key value flags");
        byte[] name = d.bytes(NAME, nameLength, "key value name");
        int size = d.u32(DATA_SIZE, "key value data size");
        return new ValueKey(cell.ref(), KeyNode.decodeName(name, (flags & COMP_NAME) != 0), size & ~RESIDENT,
                (size & RESIDENT) != 0, d.u32(DATA_OFFSET, "key value data offset"), d.u32(TYPE, "key value type"));
    }
}
