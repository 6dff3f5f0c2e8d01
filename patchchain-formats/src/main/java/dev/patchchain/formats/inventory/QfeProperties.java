package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code Win32_QuickFixEngineering} object as {@code wmic} or {@code Get-HotFix} prints it, by property name
 * (compared case-insensitively), turned into an {@link InstalledUpdate}.
 *
 * <p>Windows XP lists per-file records whose {@code HotFixID} is {@code File 1} and whose
 * {@code ServicePackInEffect} holds the update's KB number; that number is the id then.
 */
final class QfeProperties {

    private static final Pattern FILE_RECORD = Pattern.compile("(?i)File \\d+");
    private static final Pattern KB = Pattern.compile("(?i)KB\\d+\\S*");

    private QfeProperties() {
    }

    static InstalledUpdate toUpdate(Map<String, String> properties, String tool, String source, int line)
            throws FormatException {
        String id = get(properties, "HotFixID");
        String servicePack = get(properties, "ServicePackInEffect");
        if ((id.isEmpty() || FILE_RECORD.matcher(id).matches()) && KB.matcher(servicePack).matches()) {
            id = servicePack;
        }
        if (id.isEmpty()) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, line, 0,
                    "no HotFixID in this " + tool + " entry");
        }
        return new InstalledUpdate(UpdateId.parse(id), get(properties, "Description"),
                optional(get(properties, "InstalledOn")), optional(get(properties, "InstalledBy")), tool);
    }

    /** @return the machine name: {@code CSName} (wmic) or {@code Source} (Get-HotFix), if present */
    static Optional<String> host(Map<String, String> properties) {
        return optional(get(properties, "CSName")).or(() -> optional(get(properties, "Source")));
    }

    private static String get(Map<String, String> properties, String name) {
        return properties.getOrDefault(name.toLowerCase(Locale.ROOT), "").strip();
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
