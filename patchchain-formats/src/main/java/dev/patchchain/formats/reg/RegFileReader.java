package dev.patchchain.formats.reg;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.io.TextInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code .reg} file as regedit writes it (see {@code docs/formats/reg.md}). Errors are
 * {@link TextFormatException}s with the 1-based line and column: {@code "a.reg: line 12, column 31: expected a hex
 * byte, found 'zz'"}.
 *
 * <pre>{@code
 * RegFile file = RegFileReader.read(Files.readAllBytes(path), path.toString());
 * }</pre>
 */
public final class RegFileReader {

    /** The largest file accepted. */
    public static final int MAX_FILE_BYTES = 64 << 20;
    /** The largest value accepted, in data bytes. */
    public static final int MAX_VALUE_BYTES = 16 << 20;

    private static final Set<String> ROOT_KEYS = Set.of("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER",
            "HKEY_CLASSES_ROOT", "HKEY_USERS", "HKEY_CURRENT_CONFIG");
    /** REGEDIT4 writes these types' {@code hex(...)} data as ANSI text, one byte per character. */
    private static final Set<Integer> ANSI_IN_REGEDIT4 = Set.of(RegValue.REG_SZ, RegValue.REG_EXPAND_SZ,
            RegValue.REG_MULTI_SZ);
    private static final Charset ANSI = Charset.forName("windows-1252");

    private final String source;
    private final List<String> lines;
    private final List<String> notes = new ArrayList<>();
    private RegHeader header;
    private int next;

    private RegFileReader(String source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * @param data       the file's bytes: UTF-16LE with or without BOM, or UTF-8 with or without BOM
     * @param sourceName the file's name, for errors
     * @return the parsed file
     * @throws FormatException with the line and column of the first error
     */
    public static RegFile read(byte[] data, String sourceName) throws FormatException {
        TextInput text = TextInput.decode(data, sourceName, MAX_FILE_BYTES);
        return new RegFileReader(sourceName, text.lines()).parse();
    }

    private RegFile parse() throws FormatException {
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        for (RegHeader h : RegHeader.values()) {
            if (h.line().equals(first)) {
                header = h;
            }
        }
        if (header == null) {
            throw error(FormatException.Kind.NOT_THIS_FORMAT, 1, 1, "expected \"" + RegHeader.VERSION_5.line()
                    + "\" or \"REGEDIT4\", found \"" + shorten(first) + "\"");
        }
        List<RegKeyBlock> keys = new ArrayList<>();
        KeyLine key = null;
        List<RegValue> values = new ArrayList<>();
        next = 1;
        while (next < lines.size()) {
            int lineNo = next + 1;
            String line = lines.get(next++);
            int start = skipBlanks(line, 0);
            if (start == line.length() || line.charAt(start) == ';') {
                continue;
            }
            char c = line.charAt(start);
            if (c == '[') {
                if (key != null) {
                    keys.add(new RegKeyBlock(key.path, key.delete, values));
                }
                key = keyLine(line, start, lineNo);
                values = new ArrayList<>();
            } else if (c == '"' || c == '@') {
                if (key == null || key.delete) {
                    throw error(FormatException.Kind.CORRUPT, lineNo, start + 1,
                            key == null ? "value line before any [key] line" : "value line under a [-key] line");
                }
                values.add(valueLine(line, start, lineNo));
            } else {
                throw error(FormatException.Kind.CORRUPT, lineNo, start + 1,
                        "expected [key], \"name\"=..., @=..., a ; comment or a blank line, found \"" + shorten(line.strip()) + "\"");
            }
        }
        if (key != null) {
            keys.add(new RegKeyBlock(key.path, key.delete, values));
        }
        return new RegFile(header, keys, notes);
    }

    private KeyLine keyLine(String line, int start, int lineNo) throws FormatException {
        String t = line.strip();
        if (!t.endsWith("]")) {
            throw error(FormatException.Kind.CORRUPT, lineNo, line.length(), "expected ']' at the end of the key line");
        }
        boolean delete = t.startsWith("[-");
        String path = t.substring(delete ? 2 : 1, t.length() - 1);
        if (path.endsWith("\\")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("\\\\") || path.endsWith("\\")) {
            throw error(FormatException.Kind.CORRUPT, lineNo, start + 1, "key path has an empty key name (two backslashes)");
        }
        String root = (path.indexOf('\\') < 0 ? path : path.substring(0, path.indexOf('\\'))).toUpperCase(Locale.ROOT);
        if (!ROOT_KEYS.contains(root)) {
            throw error(FormatException.Kind.CORRUPT, lineNo, start + (delete ? 3 : 2),
                    "expected a key path starting with HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT,"
                            + " HKEY_USERS or HKEY_CURRENT_CONFIG, found \"" + shorten(path) + "\"");
        }
        return new KeyLine(path, delete);
    }

    private RegValue valueLine(String line, int start, int lineNo) throws FormatException {
        String name;
        int pos;
        if (line.charAt(start) == '@') {
            name = "";
            pos = start + 1;
        } else {
            Quoted q = quoted(line, start, lineNo);
            name = q.text;
            pos = q.end;
        }
        pos = skipBlanks(line, pos);
        if (pos == line.length() || line.charAt(pos) != '=') {
            throw error(FormatException.Kind.CORRUPT, lineNo, pos + 1, "expected '=' after the value name");
        }
        pos = skipBlanks(line, pos + 1);
        String rest = line.substring(pos);
        if (rest.strip().equals("-")) {
            return RegValue.deletion(name);
        }
        if (rest.startsWith("\"")) {
            Quoted q = quoted(line, pos, lineNo);
            expectEnd(line, q.end, lineNo);
            byte[] data = (q.text + '\0').getBytes(StandardCharsets.UTF_16LE);
            checkSize(data.length, lineNo, pos);
            return RegValue.of(name, RegValue.REG_SZ, data);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dword:")) {
            return RegValue.of(name, RegValue.REG_DWORD, dword(line, pos + "dword:".length(), lineNo));
        }
        int type;
        int dataStart;
        if (lower.startsWith("hex:")) {
            type = RegValue.REG_BINARY;
            dataStart = pos + "hex:".length();
        } else if (lower.startsWith("hex(")) {
            int close = line.indexOf("):", pos);
            String digits = close < 0 ? "" : line.substring(pos + "hex(".length(), close);
            if (!isHex(digits, 1, 8)) {
                throw error(FormatException.Kind.CORRUPT, lineNo, pos + 1, "expected hex(N): with N in hex digits");
            }
            type = Integer.parseUnsignedInt(digits, 16);
            dataStart = close + 2;
        } else {
            throw error(FormatException.Kind.CORRUPT, lineNo, pos + 1,
                    "expected \"string\", dword:, hex:, hex(N): or - after '=', found \"" + shorten(rest) + "\"");
        }
        byte[] data = hex(line, dataStart, lineNo);
        if (header == RegHeader.REGEDIT4 && ANSI_IN_REGEDIT4.contains(type)) {
            data = new String(data, ANSI).getBytes(StandardCharsets.UTF_16LE);
            checkSize(data.length, lineNo, pos);
            notes.add("line " + lineNo + ": value \"" + name + "\" (type " + type + ") converted from ANSI"
                    + " (windows-1252, one byte per character, REGEDIT4) to UTF-16LE");
        }
        return RegValue.of(name, type, data);
    }

    private byte[] dword(String line, int pos, int lineNo) throws FormatException {
        String digits = line.substring(pos).strip();
        if (!isHex(digits, 1, 8)) {
            throw error(FormatException.Kind.CORRUPT, lineNo, pos + 1, "expected 1 to 8 hex digits after dword:");
        }
        int v = Integer.parseUnsignedInt(digits, 16);
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** Joins continuation lines as regedit does (drop the trailing '\', strip the next line's indent), then parses. */
    private byte[] hex(String firstLine, int start, int lineNo) throws FormatException {
        HexText joined = new HexText();
        String segment = firstLine.substring(start);
        int segmentLine = lineNo;
        int segmentColumn = start;
        while (true) {
            String body = segment.stripTrailing();
            boolean continues = body.endsWith("\\");
            joined.add(continues ? body.substring(0, body.length() - 1) : body, segmentLine, segmentColumn);
            if (!continues) {
                break;
            }
            if (next == lines.size()) {
                throw error(FormatException.Kind.CORRUPT, segmentLine, body.length() + segmentColumn,
                        "the hex data continues ('\\' at the end of the line) but the file ends");
            }
            String line = lines.get(next++);
            segmentLine = next;
            segmentColumn = skipBlanks(line, 0);
            segment = line.substring(segmentColumn);
        }
        return parseHexList(joined);
    }

    private byte[] parseHexList(HexText joined) throws FormatException {
        String s = joined.text.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < s.length()) {
            int comma = s.indexOf(',', pos);
            int end = comma < 0 ? s.length() : comma;
            String token = s.substring(pos, end).strip();
            if (!isHex(token, 1, 2)) {
                int[] where = joined.locate(pos);
                throw error(FormatException.Kind.CORRUPT, where[0], where[1],
                        "expected a hex byte (1 or 2 hex digits), found \"" + shorten(token) + "\"");
            }
            if (out.size() == MAX_VALUE_BYTES) {
                int[] where = joined.locate(pos);
                throw error(FormatException.Kind.UNSUPPORTED, where[0], where[1],
                        "value is larger than the limit of " + MAX_VALUE_BYTES + " bytes");
            }
            out.write(Integer.parseInt(token, 16));
            // As regedit, a single ',' after the last byte is accepted.
            pos = comma < 0 ? s.length() : comma + 1;
        }
        return out.toByteArray();
    }

    private Quoted quoted(String line, int start, int lineNo) throws FormatException {
        StringBuilder text = new StringBuilder();
        int pos = start + 1;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                return new Quoted(text.toString(), pos + 1);
            }
            if (c == '\\') {
                char e = pos + 1 < line.length() ? line.charAt(pos + 1) : '\0';
                switch (e) {
                    case '\\', '"' -> text.append(e);
                    case 'n' -> text.append('\n');
                    default -> throw error(FormatException.Kind.CORRUPT, lineNo, pos + 1,
                            "unknown escape in a quoted string (only \\\\, \\\" and \\n are known)");
                }
                pos += 2;
            } else {
                text.append(c);
                pos++;
            }
            checkSize(text.length() * 2L, lineNo, start);
        }
        throw error(FormatException.Kind.CORRUPT, lineNo, start + 1, "quoted string has no closing '\"'");
    }

    private void expectEnd(String line, int pos, int lineNo) throws FormatException {
        int p = skipBlanks(line, pos);
        if (p != line.length()) {
            throw error(FormatException.Kind.CORRUPT, lineNo, p + 1, "unexpected text after the value");
        }
    }

    private void checkSize(long bytes, int lineNo, int column) throws FormatException {
        if (bytes > MAX_VALUE_BYTES) {
            throw error(FormatException.Kind.UNSUPPORTED, lineNo, column + 1,
                    "value is larger than the limit of " + MAX_VALUE_BYTES + " bytes");
        }
    }

    private static boolean isHex(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private TextFormatException error(FormatException.Kind kind, int line, int column, String message) {
        return new TextFormatException(kind, source, line, column, message);
    }

    private record KeyLine(String path, boolean delete) {
    }

    private record Quoted(String text, int end) {
    }

    /** The joined hex text and, for error messages, where each piece of it came from. */
    private static final class HexText {
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> pieces = new ArrayList<>();

        void add(String piece, int line, int column) {
            pieces.add(new int[] {text.length(), line, column});
            text.append(piece);
        }

        /** @return {line, 1-based column} of a position in the joined text */
        int[] locate(int pos) {
            int[] found = pieces.get(0);
            for (int[] p : pieces) {
                if (p[0] <= pos) {
                    found = p;
                }
            }
            return new int[] {found[1], found[2] + pos - found[0] + 1};
        }
    }
}
