package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * A key node ({@code nk}) as declared. Offsets are from the start of the cell data;
 * see {@code docs/formats/regf.md#key-node}.
 */
record KeyNode(int ref, int flags, long lastWrittenRaw, int parent, int subkeyCount, int subkeyList, int valueCount,
        int valueList, String name) {

    static final int FLAGS = 2;
    static final int LAST_WRITTEN = 4;
    static final int PARENT = 16;
    static final int SUBKEY_COUNT = 20;
    static final int SUBKEY_LIST = 28;
    static final int VALUE_COUNT = 36;
    static final int VALUE_LIST = 40;
    static final int NAME_LENGTH = 72;
    static final int NAME = 76;
    /** KEY_COMP_NAME: the name is Latin-1, one byte per character (otherwise UTF-16LE). */
    static final int COMP_NAME = 0x0020;

    static KeyNode read(Cell cell) throws FormatException {
        cell.expect("nk", "key node");
        var d = cell.data();
        int flags = d.u16(FLAGS, "key node flags");
        int nameLength = d.u16(NAME_LENGTH, "key node name length");
        byte[] name = d.bytes(NAME, nameLength, "key node name");
        return new KeyNode(cell.ref(), flags, d.u64(LAST_WRITTEN, "key node timestamp"),
                d.u32(PARENT, "key node parent"),
                d.u32(SUBKEY_COUNT, "key node subkey count"), d.u32(SUBKEY_LIST, "key node subkey list"),
                d.u32(VALUE_COUNT, "key node value count"), d.u32(VALUE_LIST, "key node value list"),
                decodeName(name, (flags & COMP_NAME) != 0));
    }

    /**
     * @param name       the stored bytes
     * @param compressed one byte per character (Latin-1) rather than UTF-16LE
     * @return the name; an odd trailing UTF-16 byte is dropped
     */
    static String decodeName(byte[] name, boolean compressed) {
        return compressed ? new String(name, StandardCharsets.ISO_8859_1)
                : new String(name, 0, name.length & ~1, StandardCharsets.UTF_16LE);
    }
}
