package dev.patchchain.core.verify;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of an update as inventories and catalogs spell it, compared on a canonical form: a Knowledge Base
 * article number is {@code KB<digits>} however it was written ({@code kb943729}, {@code 943729}); other names
 * ({@code Q147222}, a product GUID, {@code File 1}) are kept as written, compared case-insensitively.
 *
 * <pre>{@code
 * UpdateId.parse("943729").equals(UpdateId.parse("KB943729")); // true
 * UpdateId.parse("kb4464455").toString();                      // "KB4464455"
 * }</pre>
 *
 * @param value the canonical spelling
 */
public record UpdateId(String value) {

    private static final Pattern KB = Pattern.compile("(?i)(?:KB)?0*(\\d{1,10})");

    /** Requires a non-blank canonical value. */
    public UpdateId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an update id cannot be blank");
        }
    }

    /**
     * @param text an update name as written, e.g. {@code KB4464455}, {@code 943729}, {@code Q147222}
     * @return the id, canonical
     * @throws IllegalArgumentException if the text is blank
     */
    public static UpdateId parse(String text) {
        String trimmed = text.strip();
        var kb = KB.matcher(trimmed);
        if (kb.matches()) {
            return new UpdateId("KB" + kb.group(1));
        }
        return new UpdateId(trimmed.toUpperCase(Locale.ROOT));
    }

    /** @return true if this is a Knowledge Base article number ({@code KB<digits>}) */
    public boolean isKb() {
        return KB.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
