package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.Objects;

/**
 * A folder on any drive, named by a pattern of backslash-separated names in which {@code *} stands for exactly one
 * name; a path matches if it is that folder or lies below it. Names compare case-insensitively.
 *
 * <pre>{@code
 * new LocationPattern("Users\\*\\AppData\\Local\\Temp", "a profile's Temp")
 *         .matches(WinPath.parse("C:\\Users\\bob\\AppData\\Local\\Temp\\x.dll"));   // true
 * }</pre>
 *
 * @param pattern the folder, e.g. {@code Users\Public}
 * @param reason  what the folder is, for messages, e.g. {@code writable by every user}
 */
public record LocationPattern(String pattern, String reason) {

    /** Checks the components. */
    public LocationPattern {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        if (pattern.isEmpty() || pattern.startsWith("\\") || pattern.endsWith("\\")) {
            throw new IllegalArgumentException("pattern must be relative names such as Users\\Public, was " + pattern);
        }
    }

    /**
     * @param path an absolute path
     * @return true if it is the folder or lies below it
     */
    public boolean matches(WinPath path) {
        List<String> names = path.names();
        String[] wanted = pattern.split("\\\\");
        if (path.isUnc() || names.size() < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!wanted[i].equals("*") && !WinPath.upcase(wanted[i]).equals(WinPath.upcase(names.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
