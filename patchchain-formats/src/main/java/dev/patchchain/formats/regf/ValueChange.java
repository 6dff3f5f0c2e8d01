package dev.patchchain.formats.regf;

import java.util.Objects;

/**
 * One value to set or delete in a key of a hive.
 *
 * <pre>{@code
 * ValueChange.set("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7, multiSz);
 * ValueChange.delete("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations");
 * }</pre>
 *
 * @param keyPath the key below the hive root, {@code \}-separated, any case; it must exist
 * @param name    the value name, any case when it exists ({@code ""}: the default value)
 * @param type    the registry type to store (ignored for a delete)
 * @param data    the bytes to store, or {@code null} to delete the value
 */
public record ValueChange(String keyPath, String name, int type, byte[] data) {

    /** Copies the data. */
    public ValueChange {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(name, "name");
        data = data == null ? null : data.clone();
    }

    /**
     * @param keyPath the key
     * @param name    the value name
     * @param type    the registry type
     * @param data    the bytes
     * @return a change that creates or replaces the value
     */
    public static ValueChange set(String keyPath, String name, int type, byte[] data) {
        return new ValueChange(keyPath, name, type, Objects.requireNonNull(data, "data"));
    }

    /**
     * @param keyPath the key
     * @param name    the value name
     * @return a change that removes the value (nothing to do if it is absent)
     */
    public static ValueChange delete(String keyPath, String name) {
        return new ValueChange(keyPath, name, 0, null);
    }

    /** @return true for a delete */
    public boolean isDelete() {
        return data == null;
    }

    /** @return a copy of the bytes, or {@code null} for a delete */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }
}
