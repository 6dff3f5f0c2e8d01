package dev.patchchain.core.verify;

import dev.patchchain.core.version.FileVersion;
import java.util.Locale;
import java.util.Objects;

/**
 * A component as a servicing package names it: {@code <assemblyIdentity name version processorArchitecture
 * publicKeyToken language>} inside {@code <update><component>}.
 *
 * <pre>{@code
 * new ComponentIdentity("Microsoft-Windows-Ntdll", FileVersion.parse("10.0.19041.1"), "amd64",
 *         "31bf3856ad364e35", "neutral").matches(WinSxsName.parse("amd64_microsoft-windows-ntdll_31bf..."));
 * }</pre>
 *
 * @param name     the component name as written
 * @param version  its version
 * @param arch     its processorArchitecture
 * @param token    its publicKeyToken ({@code ""} if none)
 * @param language its language; {@code neutral} or empty is the store's culture {@code none}
 */
public record ComponentIdentity(String name, FileVersion version, String arch, String token, String language) {

    /** Checks the components. */
    public ComponentIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(language, "language");
    }

    /** @return the culture as the store's directory names spell it */
    public String culture() {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.equals("neutral") || lower.equals("*") ? "none" : lower;
    }

    /**
     * @param dir a component directory name
     * @return true if it is this component's directory (the name compared as Windows abbreviates long names:
     *         {@code prefix..suffix})
     */
    public boolean matches(WinSxsName dir) {
        return dir.version().equals(version) && sameFamily(dir);
    }

    /**
     * @param dir a component directory name
     * @return true if it holds some version of this component
     */
    public boolean sameFamily(WinSxsName dir) {
        String tok = token.isEmpty() ? "none" : token.toLowerCase(Locale.ROOT);
        return dir.arch().equals(arch.toLowerCase(Locale.ROOT)) && dir.token().equals(tok)
                && dir.culture().equals(culture()) && nameMatches(dir.name(), name.toLowerCase(Locale.ROOT));
    }

    private static boolean nameMatches(String stored, String full) {
        int dots = stored.indexOf("..");
        if (dots < 0) {
            return stored.equals(full);
        }
        String prefix = stored.substring(0, dots);
        String suffix = stored.substring(dots + 2);
        return full.length() >= prefix.length() + suffix.length() && full.startsWith(prefix) && full.endsWith(suffix);
    }

    @Override
    public String toString() {
        return name + " " + version + " " + arch + (language.isEmpty() ? "" : " " + language);
    }
}
