package dev.patchchain.formats.regquery;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.io.TextInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text that {@code reg query "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager"} prints, with or
 * without {@code /v PendingFileRenameOperations}, from Windows or Wine, saved as UTF-8 or UTF-16LE (PowerShell's
 * {@code >}): key lines, then value lines {@code "    NAME    REG_MULTI_SZ    a\0b"}, blank lines, and an
 * {@code End of search} line. The queue values are taken from the first key ending in
 * {@code \Control\Session Manager}; other keys and values are checked for shape and skipped.
 *
 * <p>The text cannot show everything the data may hold: see {@code MultiSzDisplay} and
 * {@code docs/formats/reg.md#reg-query-output} for the {@code \0} rule and its ambiguity, reported as notes.
 *
 * <pre>{@code
 * RegQueryResult r = RegQueryParser.parse(captured, "reg-query.txt", PathContext.DEFAULT);
 * r.queue().operations();
 * }</pre>
 */
public final class RegQueryParser {

    /** The largest input accepted. */
    public static final int MAX_INPUT_BYTES = 64 << 20;

    private static final Pattern VALUE_LINE = Pattern.compile("    (.*?)    (REG_[A-Z_]+|0x[0-9a-fA-F]+)(?:    (.*))?");
    private static final String VALUE_INDENT = "    ";
    private static final String SESSION_MANAGER_SUFFIX = "\\CONTROL\\SESSION MANAGER";
    private static final String MULTI_SZ = "REG_MULTI_SZ";

    private RegQueryParser() {
    }

    /**
     * @param data       the captured output
     * @param sourceName its name, for errors
     * @param context    the system root for {@code \SystemRoot} paths
     * @return the queue (empty if the key lists neither value)
     * @throws FormatException with the line number of the first line that is not {@code reg query} output, of a
     *                         queue value that is not {@code REG_MULTI_SZ}, or if no Session Manager key is listed
     */
    public static RegQueryResult parse(byte[] data, String sourceName, PathContext context) throws FormatException {
        List<String> lines = TextInput.decode(data, sourceName, MAX_INPUT_BYTES).lines();
        List<String> notes = new ArrayList<>();
        EnumMap<QueueValueName, MultiSz> values = new EnumMap<>(QueueValueName.class);
        String key = null;
        String queueKey = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("End of search:")) {
                continue;
            }
            if (line.startsWith("HKEY_")) {
                key = line.strip();
                if (queueKey == null && key.toUpperCase(Locale.ROOT).endsWith(SESSION_MANAGER_SUFFIX)) {
                    queueKey = key;
                }
                continue;
            }
            if (line.startsWith("ERROR:")) {
                throw error(FormatException.Kind.NOT_THIS_FORMAT, sourceName, lineNo,
                        "reg query reported an error: " + line.substring("ERROR:".length()).strip());
            }
            Matcher m = VALUE_LINE.matcher(line);
            if (!line.startsWith(VALUE_INDENT) || !m.matches()) {
                throw error(FormatException.Kind.NOT_THIS_FORMAT, sourceName, lineNo,
                        "expected a key line (HKEY_...), a value line (4 spaces, name, 4 spaces, REG_type, 4 spaces,"
                                + " data) or a blank line");
            }
            if (key == null) {
                throw error(FormatException.Kind.CORRUPT, sourceName, lineNo, "value line before any key line");
            }
            QueueValueName name = QueueValueName.fromRegistryName(m.group(1));
            if (name == null || !key.equals(queueKey)) {
                continue;
            }
            if (!m.group(2).equals(MULTI_SZ)) {
                throw error(FormatException.Kind.CORRUPT, sourceName, lineNo,
                        name.registryName() + " has type " + m.group(2) + ", expected REG_MULTI_SZ");
            }
            if (values.containsKey(name)) {
                throw error(FormatException.Kind.CORRUPT, sourceName, lineNo, name.registryName() + " is listed twice");
            }
            values.put(name, layout(m, sourceName, lineNo, notes));
        }
        if (queueKey == null) {
            throw error(FormatException.Kind.NOT_THIS_FORMAT, sourceName, 0,
                    "no key line ending in \\Control\\Session Manager");
        }
        return new RegQueryResult(PendingQueue.fromLayouts(values, context), queueKey, notes);
    }

    private static MultiSz layout(Matcher m, String source, int lineNo, List<String> notes) throws FormatException {
        String shown = m.group(3) == null ? "" : m.group(3);
        if (shown.indexOf('\0') >= 0) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, lineNo, m.start(3) + shown.indexOf('\0') + 1,
                    "a NUL character in the data (reg query shows NULs as the two characters \\0)");
        }
        List<Integer> kept = new ArrayList<>();
        List<String> strings = MultiSzDisplay.split(shown, kept);
        int dataColumn = m.start(3) + 1;
        for (int at : kept) {
            notes.add("line " + lineNo + ", column " + (dataColumn + at) + ": \\0 read as part of a path, not as a"
                    + " separator (the text after it does not start a path)");
        }
        if (shown.isEmpty()) {
            notes.add("line " + lineNo + ": " + m.group(1) + " is shown empty; read as an empty list (one NUL), the"
                    + " exact bytes cannot be told from reg query output");
        }
        return MultiSz.of(strings);
    }

    private static TextFormatException error(FormatException.Kind kind, String source, int line, String message) {
        return new TextFormatException(kind, source, line, 0, message);
    }
}
