package dev.patchchain.formats.reg;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One value line of a {@code .reg} file: {@code "name"=data}, {@code @=data} (the default value, name {@code ""}),
 * or {@code "name"=-} (delete the value). The data is kept as the raw bytes the registry would hold, whatever the
 * syntax used to write it: {@code "text"} is UTF-16LE with its NUL, {@code dword:} four little-endian bytes.
 *
 * <pre>{@code
 * RegValue v = RegValue.of("PendingFileRenameOperations", RegValue.REG_MULTI_SZ, bytes);
 * RegValue d = RegValue.deletion("PendingFileRenameOperations2");
 * }</pre>
 *
 * @param name   the value name, {@code ""} for the default value ({@code @})
 * @param type   the registry type ({@link #REG_SZ}, {@link #REG_MULTI_SZ}, ...), {@link #REG_NONE} for a deletion
 * @param data   the value's bytes (empty for a deletion)
 * @param delete true for {@code "name"=-}
 */
public record RegValue(String name, int type, byte[] data, boolean delete) {

    /** {@code REG_NONE}. */
    public static final int REG_NONE = 0;
    /** {@code REG_SZ}: a NUL-terminated UTF-16LE string. */
    public static final int REG_SZ = 1;
    /** {@code REG_EXPAND_SZ}, written {@code hex(2):}. */
    public static final int REG_EXPAND_SZ = 2;
    /** {@code REG_BINARY}, written {@code hex:}. */
    public static final int REG_BINARY = 3;
    /** {@code REG_DWORD}, written {@code dword:}. */
    public static final int REG_DWORD = 4;
    /** {@code REG_MULTI_SZ}, written {@code hex(7):}. */
    public static final int REG_MULTI_SZ = 7;
    /** {@code REG_QWORD}, written {@code hex(b):}. */
    public static final int REG_QWORD = 11;

    /** Copies the data and checks the components. */
    public RegValue {
        Objects.requireNonNull(name, "name");
        data = data.clone();
        if (delete && (type != REG_NONE || data.length != 0)) {
            throw new IllegalArgumentException("a deletion has no type and no data");
        }
    }

    /**
     * @param name the value name, {@code ""} for the default value
     * @param type the registry type
     * @param data the bytes
     * @return a value to set
     */
    public static RegValue of(String name, int type, byte[] data) {
        return new RegValue(name, type, data, false);
    }

    /**
     * @param name the value name
     * @return {@code "name"=-}
     */
    public static RegValue deletion(String name) {
        return new RegValue(name, REG_NONE, new byte[0], true);
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegValue v && name.equals(v.name) && type == v.type && delete == v.delete
                && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, delete, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        String shown = name.isEmpty() ? "@" : '"' + name + '"';
        return delete ? shown + "=-" : shown + "=(type " + type + ") " + HexFormat.of().formatHex(data);
    }
}
