package dev.patchchain.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A registry value a package writes, e.g. {@code HKLM\Software\Microsoft\Windows\CurrentVersion\RunOnce},
 * value {@code Setup}, {@code REG_MULTI_SZ}, {@link WriteMode#APPEND}, {@code ["C:\fix.exe /q"]}.
 *
 * <p>Values under a {@code RunOnce} key are consumed at boot: their strings run once and the value is deleted.
 * The planner records what ran, so a lost entry shows as a command that never ran.
 *
 * @param key       the key, as written (compared without regard to case)
 * @param valueName the value's name ({@code ""} for the default value)
 * @param multiString true for {@code REG_MULTI_SZ}, false for a single-string or numeric value
 * @param mode      set or append
 * @param data      the strings written (one for a single-string value)
 */
public record RegistryWrite(String key, String valueName, boolean multiString, WriteMode mode, List<String> data) {

    /** Checks the components: only a multi-string can be appended to. */
    public RegistryWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(mode, "mode");
        data = List.copyOf(data);
        String where = key + "\\" + valueName;
        if (mode == WriteMode.APPEND && !multiString) {
            throw new IllegalArgumentException("only a REG_MULTI_SZ value can be appended to: " + where);
        }
        if (!multiString && data.size() != 1) {
            throw new IllegalArgumentException("a single-string value has exactly one string: " + where);
        }
    }

    /** @return {@code key\valueName} as written */
    public String display() {
        return key + "\\" + (valueName.isEmpty() ? "(Default)" : valueName);
    }

    /** @return true if the value is run and deleted at boot (a {@code RunOnce} key) */
    public boolean consumedAtBoot() {
        return key.toUpperCase(Locale.ROOT).endsWith("\\RUNONCE");
    }
}
