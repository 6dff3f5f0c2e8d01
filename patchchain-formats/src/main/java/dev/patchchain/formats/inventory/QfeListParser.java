package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One property per line, one block per update: {@code HotFixID=KB123} ({@code wmic qfe list full}) or
 * {@code HotFixID   : KB123} ({@code Get-HotFix | Format-List}). A block ends at a blank line or where a property
 * repeats; an indented line without a separator continues a wrapped value and is skipped.
 */
final class QfeListParser {

    private QfeListParser() {
    }

    static ParsedCapture parse(List<String> lines, CaptureFormat format, String source) throws FormatException {
        char separator = format == CaptureFormat.WMIC_QFE_LIST ? '=' : ':';
        List<InstalledUpdate> updates = new ArrayList<>();
        Optional<String> host = Optional.empty();
        Map<String, String> block = new HashMap<>();
        int blockLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            int at = line.indexOf(separator);
            String key = at < 0 ? "" : line.substring(0, at).strip().toLowerCase(Locale.ROOT);
            if (line.isBlank() || block.containsKey(key)) {
                if (block.containsKey("hotfixid")) {
                    Map<String, String> done = block;
                    updates.add(QfeProperties.toUpdate(done, format.tool(), source, blockLine));
                    host = host.or(() -> QfeProperties.host(done));
                }
                block = new HashMap<>();
                if (line.isBlank()) {
                    continue;
                }
            }
            if (at < 0 || key.isEmpty()) {
                if (Character.isWhitespace(line.charAt(0))) {
                    continue;
                }
                throw new TextFormatException(FormatException.Kind.CORRUPT, source, i + 1, 1,
                        "expected a property line \"Name" + separator + "value\", found \"" + abbreviate(line) + "\"");
            }
            if (block.isEmpty()) {
                blockLine = i + 1;
            }
            block.put(key, line.substring(at + 1));
        }
        return new ParsedCapture(host, updates, List.of());
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
