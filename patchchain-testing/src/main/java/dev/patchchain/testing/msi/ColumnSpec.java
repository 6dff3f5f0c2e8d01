package dev.patchchain.testing.msi;

/**
 * A column of a target table as an {@code .idt} export declares it ({@code msiinfo export}): a type such as
 * {@code s72} (string, 72 characters), {@code S255} (nullable string), {@code l0} (localizable string), {@code i2},
 * {@code I4} (integers, nullable when upper case) or {@code v0} (binary stream).
 *
 * <pre>{@code
 * ColumnSpec version = new ColumnSpec("Version", "S72", false);
 * version.width(2);   // 2: a string id of a pool with 2-byte references
 * }</pre>
 *
 * @param name    the column's name
 * @param idtType its type as the {@code .idt} file's second line spells it
 * @param key     whether it is part of the primary key
 */
public record ColumnSpec(String name, String idtType, boolean key) {

    private static final int VALID = 0x0100;
    private static final int LOCALIZABLE = 0x0200;
    /** Set in every string column and in 2-byte integers, as msitools writes {@code _Columns}. */
    private static final int SHORT_OR_STRING = 0x0400;
    private static final int STRING = 0x0800;
    private static final int NULLABLE = 0x1000;
    private static final int KEY = 0x2000;

    /** Checks the type. */
    public ColumnSpec {
        if (!idtType.matches("[sSlLiIvV][0-9]+")) {
            throw new IllegalArgumentException("column " + name + ": type " + idtType + " is not an .idt type"
                    + " such as s72, L0, i2, I4 or v0");
        }
        boolean integer = Character.toLowerCase(idtType.charAt(0)) == 'i';
        int size = Integer.parseInt(idtType.substring(1));
        if (integer && size != 2 && size != 4) {
            throw new IllegalArgumentException("column " + name + ": integer type " + idtType + " must be 2 or 4 bytes");
        }
    }

    /** @return true for a string column (a string-pool id in the table stream) */
    public boolean isString() {
        char c = Character.toLowerCase(idtType.charAt(0));
        return c == 's' || c == 'l';
    }

    /** @return true for an integer column */
    public boolean isInteger() {
        return Character.toLowerCase(idtType.charAt(0)) == 'i';
    }

    /** @return true for a binary stream column */
    public boolean isBinary() {
        return Character.toLowerCase(idtType.charAt(0)) == 'v';
    }

    /** @return true when the column may be null (upper-case type letter) */
    public boolean nullable() {
        return Character.isUpperCase(idtType.charAt(0));
    }

    /** @return the declared size: characters of a string, bytes of an integer */
    public int size() {
        return Integer.parseInt(idtType.substring(1));
    }

    /**
     * @param stringRefBytes the bytes of a string id in the stream being written (2 or 3)
     * @return the bytes one value of this column takes in a table or transform stream
     */
    public int width(int stringRefBytes) {
        if (isString()) {
            return stringRefBytes;
        }
        return isBinary() ? 2 : size();
    }

    /** @return the type bits {@code _Columns} holds for this column, as msitools writes them */
    public int typeBits() {
        int bits = VALID | (key ? KEY : 0) | (nullable() ? NULLABLE : 0);
        if (isBinary()) {
            return bits | STRING;
        }
        if (isInteger()) {
            return bits | size() | (size() == 2 ? SHORT_OR_STRING : 0);
        }
        boolean localizable = Character.toLowerCase(idtType.charAt(0)) == 'l';
        return bits | STRING | SHORT_OR_STRING | (localizable ? LOCALIZABLE : 0) | size();
    }
}
