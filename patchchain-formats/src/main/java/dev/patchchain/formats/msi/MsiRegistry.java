package dev.patchchain.formats.msi;

import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.WriteMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a {@code Registry} row into a {@link RegistryWrite} ({@code docs/formats/msi.md#registry}): the root
 * (-1 per machine or user: taken as HKLM, 0 HKCR, 1 HKCU, 2 HKLM, 3 HKU) and key; a value containing {@code [~]}
 * is a multi-string, appended to when it starts with {@code [~]}; {@code #}, {@code #%} and {@code #x} prefixes
 * mark an integer, an expandable string and binary data (written as one string). Rows that create or delete a key
 * ({@code +}, {@code -}, {@code *} names without a value) write no value and are skipped.
 */
final class MsiRegistry {

    static final String MULTI = "[~]";
    private static final String[] ROOTS = {"HKCR", "HKCU", "HKLM", "HKU"};
    private static final int PER_MACHINE_OR_USER = -1;
    private static final int HKLM = 2;

    private MsiRegistry() {
    }

    /**
     * @param row    a {@code Registry} row
     * @param format resolves {@code [Property]} and {@code [Directory]} references in the value
     * @return the write, or empty for a row that writes no value
     */
    static Optional<RegistryWrite> write(Map<String, Object> row, UnaryOperator<String> format) {
        Object value = row.get("Value");
        if (!(value instanceof String raw) || !(row.get("Key") instanceof String key)
                || !(row.get("Root") instanceof Integer root) || root < PER_MACHINE_OR_USER || root >= ROOTS.length) {
            return Optional.empty();
        }
        String name = row.get("Name") instanceof String n ? n : "";
        String data = format.apply(raw);
        String fullKey = ROOTS[root == PER_MACHINE_OR_USER ? HKLM : root] + "\\" + key;
        if (!data.contains(MULTI)) {
            return Optional.of(new RegistryWrite(fullKey, name, false, WriteMode.SET, List.of(data)));
        }
        boolean append = data.startsWith(MULTI);
        List<String> strings = new ArrayList<>(Arrays.asList(data.split("\\[~\\]", -1)));
        strings.removeIf(String::isEmpty);
        return Optional.of(new RegistryWrite(fullKey, name, true, append ? WriteMode.APPEND : WriteMode.SET, strings));
    }
}
