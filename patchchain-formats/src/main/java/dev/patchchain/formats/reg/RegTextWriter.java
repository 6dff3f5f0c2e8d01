package dev.patchchain.formats.reg;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes {@code .reg} text section by section to a {@link Writer}, exactly as {@link RegFileWriter} writes a whole
 * {@link RegFile} (header, CR LF line ends, a blank line before every key, regedit's hex wrapping), so an export of
 * any size streams through a small buffer instead of being built in memory first.
 *
 * <pre>{@code
 * RegTextWriter reg = new RegTextWriter(out);   // writes the header line
 * reg.key("HKEY_LOCAL_MACHINE\\SYSTEM\\Select", false);
 * reg.value("Current", RegValue.REG_DWORD, new byte[] {1, 0, 0, 0});   // "Current"=dword:00000001
 * reg.finish();   // the closing blank line; flushes the buffer and out
 * }</pre>
 */
public final class RegTextWriter {

    /** Where regedit breaks a hex line: once the line has this many characters (before the '\'). */
    private static final int HEX_WRAP_COLUMN = 77;
    private static final int HEX_INDENT = 2;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
    /** Room for everything of a value line but its name and data: quotes, {@code =hex(ffffffff):}, CR LF. */
    private static final int VALUE_OVERHEAD = 32;

    private final Writer out;
    private char[] buffer = new char[1 << 16];
    private int at;

    /**
     * Writes the {@code Windows Registry Editor Version 5.00} header line.
     *
     * @param out where the text goes (not closed)
     * @throws IOException if writing fails
     */
    public RegTextWriter(Writer out) throws IOException {
        this.out = out;
        String header = RegHeader.VERSION_5.line();
        reserve(header.length() + 2);
        chars(header);
        crlf();
    }

    /**
     * Starts a key section: a blank line, then {@code [path]} or {@code [-path]}.
     *
     * @param path   the full key path
     * @param delete true for a key deletion
     * @throws IOException if writing fails
     */
    public void key(String path, boolean delete) throws IOException {
        reserve(path.length() + 7);
        crlf();
        buffer[at++] = '[';
        if (delete) {
            buffer[at++] = '-';
        }
        chars(path);
        buffer[at++] = ']';
        crlf();
    }

    /**
     * @param value a value line of the current key (a value, or a deletion: {@code "name"=-})
     * @throws IOException if writing fails
     */
    public void value(RegValue value) throws IOException {
        if (value.delete()) {
            reserve(2 * value.name().length() + VALUE_OVERHEAD);
            name(value.name());
            buffer[at++] = '-';
            crlf();
        } else {
            value(value.name(), value.type(), value.data());
        }
    }

    /**
     * Writes a value line: {@code "text"} for a {@code REG_SZ} that is one NUL-terminated string without CR, LF or
     * other NULs, {@code dword:} for a four-byte {@code REG_DWORD}, hex otherwise.
     *
     * @param name the value name, {@code ""} for the default value ({@code @})
     * @param type the stored type
     * @param data the value's bytes (not kept)
     * @throws IOException if writing fails
     */
    public void value(String name, int type, byte[] data) throws IOException {
        // Names and string data at most double when escaped; hex is 3 characters a byte plus 5 per wrapped line.
        reserve(Math.toIntExact(2L * name.length() + 4L * data.length + VALUE_OVERHEAD));
        int lineStart = at;
        name(name);
        if (type == RegValue.REG_SZ && plainString(data)) {
            crlf();
            return;
        }
        if (type == RegValue.REG_DWORD && data.length == 4) {
            chars("dword:");
            for (int i = 3; i >= 0; i--) {
                buffer[at++] = HEX_DIGITS[(data[i] >> 4) & 0xF];
                buffer[at++] = HEX_DIGITS[data[i] & 0xF];
            }
        } else {
            chars("hex");
            if (type != RegValue.REG_BINARY) {
                buffer[at++] = '(';
                typeNumber(type);
                buffer[at++] = ')';
            }
            buffer[at++] = ':';
            hex(data, at - lineStart);
        }
        crlf();
    }

    /**
     * Writes the closing blank line and hands everything buffered to the writer, which is flushed.
     *
     * @throws IOException if writing fails
     */
    public void finish() throws IOException {
        reserve(2);
        crlf();
        out.write(buffer, 0, at);
        at = 0;
        out.flush();
    }

    /** Makes room for {@code length} more characters, handing the buffer to the writer when it is too full. */
    private void reserve(int length) throws IOException {
        if (buffer.length - at >= length) {
            return;
        }
        out.write(buffer, 0, at);
        at = 0;
        if (buffer.length < length) {
            buffer = new char[length];
        }
    }

    private void name(String name) {
        if (name.isEmpty()) {
            buffer[at++] = '@';
        } else {
            buffer[at++] = '"';
            for (int i = 0; i < name.length(); i++) {
                escaped(name.charAt(i));
            }
            buffer[at++] = '"';
        }
        buffer[at++] = '=';
    }

    /**
     * Writes {@code "text"} if the data is a string the quoted form carries exactly (even length, one terminating
     * NUL, no other NUL, CR, LF or unpaired surrogate); otherwise writes nothing and returns false.
     */
    private boolean plainString(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0 || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return false;
        }
        int start = at;
        int length = data.length / 2 - 1;
        buffer[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = charAt(data, i);
            boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= length || !Character.isLowSurrogate(charAt(data, i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(charAt(data, i - 1)));
            if (c == '\0' || c == '\r' || c == '\n' || unpaired) {
                at = start;
                return false;
            }
            escaped(c);
        }
        buffer[at++] = '"';
        return true;
    }

    private static char charAt(byte[] utf16le, int index) {
        return (char) ((utf16le[2 * index] & 0xFF) | (utf16le[2 * index + 1] & 0xFF) << 8);
    }

    private void escaped(char c) {
        if (c == '\\' || c == '"') {
            buffer[at++] = '\\';
            buffer[at++] = c;
        } else if (c == '\n') {
            buffer[at++] = '\\';
            buffer[at++] = 'n';
        } else {
            buffer[at++] = c;
        }
    }

    /** See {@link RegFileWriter} for the wrap rule; {@code lineLength} is the line's length before the first byte. */
    private void hex(byte[] data, int lineLength) {
        char[] b = buffer; // locals: the loop runs for every byte of every value, often before the JIT's best code
        int p = at;
        int last = data.length - 1;
        for (int i = 0; i <= last; i++) {
            b[p++] = HEX_DIGITS[(data[i] >> 4) & 0xF];
            b[p++] = HEX_DIGITS[data[i] & 0xF];
            if (i == last) {
                break;
            }
            b[p++] = ',';
            lineLength += 3;
            if (lineLength >= HEX_WRAP_COLUMN) {
                b[p++] = '\\';
                b[p++] = '\r';
                b[p++] = '\n';
                b[p++] = ' ';
                b[p++] = ' ';
                lineLength = HEX_INDENT;
            }
        }
        at = p;
    }

    /** Writes the type as {@link Integer#toHexString} would, without the string. */
    private void typeNumber(int type) {
        for (int shift = (31 - Integer.numberOfLeadingZeros(type | 1)) / 4 * 4; shift >= 0; shift -= 4) {
            buffer[at++] = HEX_DIGITS[(type >>> shift) & 0xF];
        }
    }

    private void chars(String s) {
        s.getChars(0, s.length(), buffer, at);
        at += s.length();
    }

    private void crlf() {
        buffer[at++] = '\r';
        buffer[at++] = '\n';
    }
}
