package dev.patchchain.formats.regquery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes how {@code reg query} shows a {@code REG_MULTI_SZ}: every NUL of the data but the last two is written as
 * the two characters {@code \0} (verified with Wine 8.0's reg.exe, whose output matches Windows'). So
 * {@code a\0\0b\0\0\0} is shown {@code a\0\0b\0}, a trailing delete pair {@code src\0\0\0} is shown {@code src\0}.
 *
 * <p>The text {@code \0} may also be a backslash and a file name starting with {@code 0} ({@code C:\Config.Msi\0a1b.rbf}).
 * A {@code \0} is read as a separator when the string so far is empty, when it ends the text, when another
 * {@code \0} follows, or when what follows starts a path ({@code \??\}, {@code X:}, {@code \\}, {@code \SystemRoot},
 * {@code %}, optionally after a {@code !}, {@code @} or {@code *N} marker); otherwise it is kept as path text and a
 * note says so. See {@code docs/formats/reg.md#the-0-ambiguity}.
 */
final class MultiSzDisplay {

    private static final String SEPARATOR = "\\0";
    private static final Pattern PATH_START = Pattern.compile(
            "(?:!|@|\\*\\d+)?(?:\\\\\\?\\?\\\\|\\\\GLOBAL\\?\\?\\\\|\\\\\\\\|[A-Za-z]:|\\\\SystemRoot\\\\|%)",
            Pattern.CASE_INSENSITIVE);

    private MultiSzDisplay() {
    }

    /**
     * @param shown the data column of the value line
     * @param kept  receives the 0-based index into {@code shown} of every {@code \0} kept as path text
     * @return the strings, without the list terminator
     */
    static List<String> split(String shown, List<Integer> kept) {
        List<String> strings = new ArrayList<>();
        if (shown.isEmpty()) {
            return strings;
        }
        StringBuilder current = new StringBuilder();
        int pos = 0;
        while (pos < shown.length()) {
            int at = shown.indexOf(SEPARATOR, pos);
            if (at < 0) {
                current.append(shown, pos, shown.length());
                break;
            }
            current.append(shown, pos, at);
            int after = at + SEPARATOR.length();
            boolean separator = current.length() == 0 || after == shown.length() || shown.startsWith(SEPARATOR, after)
                    || PATH_START.matcher(shown).region(after, shown.length()).lookingAt();
            if (separator) {
                strings.add(current.toString());
                current.setLength(0);
            } else {
                current.append(SEPARATOR);
                kept.add(at);
            }
            pos = at + SEPARATOR.length();
        }
        strings.add(current.toString());
        return strings;
    }
}
