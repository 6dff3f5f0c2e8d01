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
 * {@code wmic qfe get ... /format:csv}: a header {@code Node,Caption,...,HotFixID,...} and one row per update.
 * wmic does not quote fields, so a row must have exactly as many commas as the header.
 */
final class QfeCsvParser {

    private QfeCsvParser() {
    }

    static ParsedCapture parse(List<String> lines, int header, String source) throws FormatException {
        String[] names = lines.get(header).strip().split(",", -1);
        List<InstalledUpdate> updates = new ArrayList<>();
        Optional<String> host = Optional.empty();
        for (int i = header + 1; i < lines.size(); i++) {
            String row = lines.get(i);
            if (row.isBlank()) {
                continue;
            }
            String[] fields = row.strip().split(",", -1);
            if (fields.length != names.length) {
                throw new TextFormatException(FormatException.Kind.CORRUPT, source, i + 1, 0,
                        "expected " + names.length + " comma-separated fields as in the header, found " + fields.length);
            }
            Map<String, String> properties = new HashMap<>();
            for (int c = 0; c < names.length; c++) {
                properties.put(names[c].strip().toLowerCase(Locale.ROOT), fields[c]);
            }
            updates.add(QfeProperties.toUpdate(properties, CaptureFormat.WMIC_QFE_CSV.tool(), source, i + 1));
            host = host.or(() -> Optional.ofNullable(properties.get("node")).filter(s -> !s.isBlank()))
                    .or(() -> QfeProperties.host(properties));
        }
        return new ParsedCapture(host, updates, List.of());
    }
}
