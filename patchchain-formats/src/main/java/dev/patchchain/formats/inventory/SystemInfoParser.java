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

/**
 * The hotfix section of {@code systeminfo} output, found by its structure because every label is translated
 * ({@code Hotfix(s):}, {@code Hotfix(es):}, {@code Correctif(s):}, ...).
 *
 * <p>systeminfo prints three numbered lists: processors, hotfixes, network cards. Each is a label line at column
 * 0 followed by {@code [01]: ...} lines at one indentation (a network card's addresses are numbered again, deeper).
 * The hotfix list is the second list, unless that one has detail lines under its items (a network card's
 * connection name, addresses): then there are no hotfixes. Items are kept as written ({@code KB2849697},
 * {@code 943729}, {@code Q147222}, a product GUID, Windows XP's {@code File 1}), a {@code " - Update"} suffix aside.
 */
final class SystemInfoParser {

    /** French output puts a no-break space (0xFF in code page 850) between the bracket and the colon. */
    private static final Pattern NUMBERED = Pattern.compile("^(\\s+)\\[(\\d+)\\][^:\\w]{0,2}:\\s?(.*)$");
    /** Windows XP and Server 2003 append a type: {@code KB893803v2 - Update}, {@code MSCompPackV1 - Update}. */
    private static final Pattern TITLE_AFTER_ID = Pattern.compile("^(\\S+)\\s+-\\s+(.*)$");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern LABEL = Pattern.compile("^([^\\s:][^:]*):\\s*(.*)$");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    /** One numbered list: its label line and its top-level items. */
    private record NumberedList(int labelLine, String labelValue, List<Integer> itemLines, List<String> items,
                                List<Integer> brokenLines, boolean hasDetails) {
    }

    private SystemInfoParser() {
    }

    static ParsedCapture parse(List<String> lines, String source) throws FormatException {
        List<NumberedList> lists = lists(lines);
        List<String> warnings = new ArrayList<>();
        List<InstalledUpdate> updates = new ArrayList<>();
        Optional<NumberedList> hotfixes = lists.stream().skip(1).filter(l -> !l.hasDetails()).findFirst();
        if (hotfixes.isEmpty()) {
            warnings.add("no hotfix list between the processor and network card lists: no hotfixes installed");
        } else {
            NumberedList list = hotfixes.get();
            list.brokenLines().forEach(l -> warnings.add("line " + (l + 1) + ": a cut-off numbered line is ignored"));
            for (int i = 0; i < list.items().size(); i++) {
                String item = list.items().get(i).strip();
                if (item.isEmpty()) {
                    throw new TextFormatException(FormatException.Kind.CORRUPT, source, list.itemLines().get(i) + 1, 0,
                            "empty hotfix entry");
                }
                Matcher titled = TITLE_AFTER_ID.matcher(item);
                updates.add(titled.matches()
                        ? new InstalledUpdate(UpdateId.parse(titled.group(1)), titled.group(2), Optional.empty(),
                                Optional.empty(), CaptureFormat.SYSTEMINFO.tool())
                        : InstalledUpdate.of(UpdateId.parse(item), CaptureFormat.SYSTEMINFO.tool()));
            }
            Matcher count = COUNT.matcher(list.labelValue());
            if (count.find() && Integer.parseInt(count.group()) != list.items().size()) {
                warnings.add("line " + (list.labelLine() + 1) + ": the header announces " + count.group()
                        + " hotfixes but " + list.items().size() + " are listed");
            }
        }
        return new ParsedCapture(host(lines), updates, warnings);
    }

    private static List<NumberedList> lists(List<String> lines) {
        List<NumberedList> lists = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher label = LABEL.matcher(lines.get(i));
            if (!label.matches() || i + 1 >= lines.size()) {
                continue;
            }
            Matcher first = NUMBERED.matcher(lines.get(i + 1));
            if (!first.matches()) {
                continue;
            }
            String indent = first.group(1);
            List<Integer> itemLines = new ArrayList<>();
            List<String> items = new ArrayList<>();
            List<Integer> broken = new ArrayList<>();
            boolean details = false;
            int j = i + 1;
            for (; j < lines.size() && !LABEL.matcher(lines.get(j)).matches(); j++) {
                Matcher item = NUMBERED.matcher(lines.get(j));
                if (item.matches() && item.group(1).equals(indent)) {
                    itemLines.add(j);
                    items.add(item.group(3));
                } else if (lines.get(j).startsWith(indent + "[")) {
                    broken.add(j);
                } else if (!lines.get(j).isBlank()) {
                    details = true;
                }
            }
            lists.add(new NumberedList(i, label.group(2), itemLines, items, broken, details));
            i = j - 1;
        }
        return lists;
    }

    /** The first label's value when it is a plain machine name: systeminfo starts with the host name. */
    private static Optional<String> host(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).findFirst()
                .map(LABEL::matcher).filter(Matcher::matches).map(m -> m.group(2).strip())
                .filter(v -> HOST_NAME.matcher(v).matches());
    }
}
