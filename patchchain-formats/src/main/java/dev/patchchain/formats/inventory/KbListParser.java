package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code KB<n>: title} line per update (wesng's update-history captures); blank lines are skipped. */
final class KbListParser {

    static final Pattern LINE = Pattern.compile("^\\s*(KB\\d+)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private KbListParser() {
    }

    static ParsedCapture parse(List<String> lines, String source) throws FormatException {
        List<InstalledUpdate> updates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches()) {
                throw new TextFormatException(FormatException.Kind.CORRUPT, source, i + 1, 1,
                        "expected \"KB<number>: title\"");
            }
            updates.add(new InstalledUpdate(UpdateId.parse(m.group(1)), m.group(2).strip(), Optional.empty(),
                    Optional.empty(), CaptureFormat.KB_LIST.tool()));
        }
        return new ParsedCapture(Optional.empty(), updates, List.of());
    }
}
