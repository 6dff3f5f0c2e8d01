package dev.patchchain.formats.reg;

import java.util.List;
import java.util.Objects;

/**
 * One {@code [key]} section of a {@code .reg} file and the value lines under it, or a {@code [-key]} line that
 * deletes the key (and has no values).
 *
 * @param path   the full key path as written, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Session
 *               Manager}, without a trailing backslash
 * @param delete true for {@code [-key]}
 * @param values the value lines, in file order
 */
public record RegKeyBlock(String path, boolean delete, List<RegValue> values) {

    /** Copies the list and checks the components. */
    public RegKeyBlock {
        Objects.requireNonNull(path, "path");
        values = List.copyOf(values);
        if (delete && !values.isEmpty()) {
            throw new IllegalArgumentException("a [-key] line has no values");
        }
    }
}
