package dev.patchchain.formats.msi;

/**
 * A column of a table, from {@code _Columns} ({@code docs/formats/msi.md#columns}).
 *
 * @param name the column's name
 * @param type its type bits: the low byte the size, 0x0100 valid, 0x0800 string, 0x1000 nullable, 0x2000 key
 */
public record MsiColumn(String name, int type) {

    static final int SIZE_MASK = 0xFF;
    static final int VALID = 0x0100;
    static final int STRING = 0x0800;
    static final int NULLABLE = 0x1000;
    static final int KEY = 0x2000;
    static final int SHORT_MAX_SIZE = 2;
    static final int LONG_SIZE = 4;

    /** @return true for a column of the table's primary key */
    public boolean isKey() {
        return (type & KEY) != 0;
    }

    /** @return true if the column may hold null */
    public boolean isNullable() {
        return (type & NULLABLE) != 0;
    }

    /** @return true for a string (or binary stream) reference, false for an integer */
    boolean isString() {
        return (type & STRING) != 0;
    }

    /** @return true for a binary stream column (its value is a 2-byte reference, read as null here) */
    boolean isBinary() {
        return (type & ~NULLABLE) == (STRING | VALID);
    }

    /**
     * @param refSize the bytes of a string reference
     * @return the bytes one value takes in the table stream, or -1 for an invalid integer size
     */
    int width(int refSize) {
        if (isBinary()) {
            return 2;
        }
        if (isString()) {
            return refSize;
        }
        int size = type & SIZE_MASK;
        return size <= SHORT_MAX_SIZE ? 2 : size == LONG_SIZE ? 4 : -1;
    }
}
