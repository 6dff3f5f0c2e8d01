package dev.patchchain.formats.regf;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A registry value read from a hive: its name ({@code ""} for the default value), its type as stored (any 32-bit
 * number; {@code 7} is {@code REG_MULTI_SZ}) and its data as raw bytes, whatever the type.
 *
 * <pre>{@code
 * RegfValue v = key.value("PendingFileRenameOperations").orElseThrow();
 * v.type();   // 7
 * v.data();   // UTF-16LE strings, each NUL-terminated
 * }</pre>
 *
 * @param name the value name
 * @param type the stored type
 * @param data the value's bytes
 */
public record RegfValue(String name, int type, byte[] data) {

    /** {@code REG_MULTI_SZ}. */
    public static final int REG_MULTI_SZ = 7;

    /** Copies the data. */
    public RegfValue {
        Objects.requireNonNull(name, "name");
        data = data.clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegfValue v && name.equals(v.name) && type == v.type && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return '"' + name + "\" (type " + type + ") " + HexFormat.of().formatHex(data, 0, Math.min(64, data.length))
                + (data.length > 64 ? "... (" + data.length + " bytes)" : "");
    }
}
