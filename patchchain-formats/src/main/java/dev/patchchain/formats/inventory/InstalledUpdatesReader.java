package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.HotfixInventory;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a list of installed updates captured on Windows, detecting which tool wrote it (see
 * {@link CaptureFormat}) and how it was encoded (UTF-16LE, UTF-8, a console code page, or wmic's ASCII-then-UTF-16).
 *
 * <p>Detection looks at the first line naming the {@code HotFixID} property: underlined with dashes is a
 * {@code Get-HotFix} table; {@code Node,...} is wmic CSV; {@code HotFixID=} or {@code HotFixID :} a property list;
 * otherwise a wmic table. Without such a line, numbered {@code [01]: } lines mean systeminfo, and
 * {@code KB<n>: } lines a KB list. Anything else is {@link FormatException.Kind#NOT_THIS_FORMAT}.
 *
 * <pre>{@code
 * InstalledUpdates read = InstalledUpdatesReader.read(Files.readAllBytes(p), p.toString());
 * read.format();                        // SYSTEMINFO
 * read.inventory().updates().size();    // 263
 * }</pre>
 */
public final class InstalledUpdatesReader {

    /** The largest capture accepted. */
    public static final int MAX_INPUT_BYTES = CaptureText.MAX_INPUT_BYTES;

    private static final Pattern HOTFIX_ID = Pattern.compile("(?i)(^|[\\s,.])HotFixID(\\s|,|=|:|$)");
    private static final Pattern DASHES = Pattern.compile("^\\s*-+(\\s+-+)*\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s+\\[\\d+\\]:.*");

    private InstalledUpdatesReader() {
    }

    /**
     * @param data   the capture's bytes
     * @param source its name, for errors and warnings
     * @return the updates it lists
     * @throws FormatException if it is none of the known captures, or damaged (with the line)
     */
    public static InstalledUpdates read(byte[] data, String source) throws FormatException {
        CaptureText text = CaptureText.decode(data, source);
        List<String> lines = text.lines();
        CaptureFormat format = detect(lines, source);
        int header = headerLine(lines);
        ParsedCapture parsed = switch (format) {
            case SYSTEMINFO -> SystemInfoParser.parse(lines, source);
            case WMIC_QFE_TABLE, GET_HOTFIX_TABLE -> QfeTableParser.parse(lines, header, format, source);
            case WMIC_QFE_CSV -> QfeCsvParser.parse(lines, header, source);
            case WMIC_QFE_LIST, GET_HOTFIX_LIST -> QfeListParser.parse(lines, format, source);
            case KB_LIST -> KbListParser.parse(lines, source);
            case EMPTY -> new ParsedCapture(Optional.empty(), List.of(), List.of("the capture is empty"));
        };
        List<String> warnings = new ArrayList<>();
        text.warnings().forEach(w -> warnings.add(source + ": " + w));
        parsed.warnings().forEach(w -> warnings.add(source + ": " + w));
        return new InstalledUpdates(format, HotfixInventory.of(parsed.host(), parsed.updates(), warnings),
                parsed.updates().size());
    }

    private static CaptureFormat detect(List<String> lines, String source) throws FormatException {
        int header = headerLine(lines);
        if (header >= 0) {
            String line = lines.get(header).strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (header + 1 < lines.size() && DASHES.matcher(lines.get(header + 1)).matches()) {
                return CaptureFormat.GET_HOTFIX_TABLE;
            }
            if (lower.startsWith("node,")) {
                return CaptureFormat.WMIC_QFE_CSV;
            }
            if (lower.matches("hotfixid\\s*=.*")) {
                return CaptureFormat.WMIC_QFE_LIST;
            }
            if (lower.matches("hotfixid\\s*:.*")) {
                return CaptureFormat.GET_HOTFIX_LIST;
            }
            return CaptureFormat.WMIC_QFE_TABLE;
        }
        if (lines.stream().anyMatch(l -> NUMBERED.matcher(l).matches())) {
            return CaptureFormat.SYSTEMINFO;
        }
        if (lines.stream().anyMatch(l -> KbListParser.LINE.matcher(l).matches())) {
            return CaptureFormat.KB_LIST;
        }
        if (lines.stream().allMatch(String::isBlank)) {
            return CaptureFormat.EMPTY;
        }
        throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0, 0,
                "not a systeminfo, wmic qfe, Get-HotFix or KB-list capture: no HotFixID header, no numbered [01]: lines"
                        + " and no KB<number>: lines");
    }

    /** The first line that names HotFixID (a table header, or a property line of a list), or -1. */
    private static int headerLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (HOTFIX_ID.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }
}
