package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-width table of {@code Win32_QuickFixEngineering} objects: {@code wmic qfe} (columns start where the
 * property names of the header start) and {@code Get-HotFix} (columns start where the runs of dashes under the
 * header start). Property names are never localized.
 *
 * <p>{@code wmic} on Windows XP writes "Please wait while WMIC is being installed." on the header's line: text
 * before the first property name is cut off and the columns are counted from that name.
 */
final class QfeTableParser {

    private static final Set<String> PROPERTIES = Set.of("caption", "csname", "description", "fixcomments",
            "hotfixid", "installdate", "installedby", "installedon", "name", "servicepackineffect", "status",
            "source", "pscomputername");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    private QfeTableParser() {
    }

    static ParsedCapture parse(List<String> lines, int header, CaptureFormat format, String source)
            throws FormatException {
        boolean dashed = format == CaptureFormat.GET_HOTFIX_TABLE;
        String columnLine = dashed ? lines.get(header + 1) : lines.get(header);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher token = TOKEN.matcher(columnLine);
        Matcher name = TOKEN.matcher(lines.get(header));
        int shift = -1;
        while (token.find()) {
            String title = dashed ? nameAt(name, token.start(), lines.get(header)) : token.group();
            int prefix = 0;
            if (shift < 0) {
                prefix = dashed ? 0 : prefixLength(title);
                if (prefix < 0) {
                    continue;
                }
                shift = token.start() + prefix;
            }
            names.add(title.substring(prefix).toLowerCase(Locale.ROOT));
            starts.add(token.start() + prefix - shift);
        }
        List<InstalledUpdate> updates = new ArrayList<>();
        Optional<String> host = Optional.empty();
        for (int i = header + (dashed ? 2 : 1); i < lines.size(); i++) {
            String row = lines.get(i);
            if (row.isBlank()) {
                continue;
            }
            Map<String, String> properties = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int from = Math.min(starts.get(c), row.length());
                int to = c + 1 < names.size() ? Math.min(starts.get(c + 1), row.length()) : row.length();
                properties.put(names.get(c), row.substring(from, to));
            }
            updates.add(QfeProperties.toUpdate(properties, format.tool(), source, i + 1));
            host = host.or(() -> QfeProperties.host(properties));
        }
        return new ParsedCapture(host, updates, List.of());
    }

    /** How many characters of a header token come before the property name it ends with, or -1 if none. */
    private static int prefixLength(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (PROPERTIES.contains(lower.substring(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The header word above a run of dashes (Get-HotFix): the one that starts at the same column. */
    private static String nameAt(Matcher names, int column, String header) {
        names.reset();
        while (names.find()) {
            if (names.start() == column) {
                return names.group();
            }
        }
        return header.length() > column ? header.substring(column).strip() : "";
    }
}
