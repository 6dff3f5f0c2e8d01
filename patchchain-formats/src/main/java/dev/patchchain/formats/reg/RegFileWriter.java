package dev.patchchain.formats.reg;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link RegFile} as regedit exports it: UTF-16LE with a BOM, CR LF line ends, the header
 * {@code Windows Registry Editor Version 5.00} (whatever header the file was read with: its data is already
 * UTF-16LE), a blank line after the header and after every key, and {@code hex} data wrapped as regedit wraps it.
 *
 * <p>Wrap rule (regedit and Wine's regedit agree): the line starts with {@code "name"=hex(7):}; after each byte but
 * the last, {@code ,} is written and the line's length so far (3 characters per byte) is compared with 77; at 77 or
 * more, {@code \} ends the line and the next one starts with two spaces. Lines are therefore at most 78 characters
 * unless the name alone is longer. See {@code docs/formats/reg.md#wrapping}.
 *
 * <p>A {@code REG_SZ} that is a single NUL-terminated string without CR, LF or other NULs is written
 * {@code "text"}, a four-byte {@code REG_DWORD} {@code dword:}, everything else as hex, so reading the output
 * gives back exactly the same {@link RegFile} (headers aside).
 *
 * <pre>{@code
 * byte[] bytes = RegFileWriter.write(RegFile.of(List.of(block)));
 * }</pre>
 */
public final class RegFileWriter {

    private static final String CRLF = "\r\n";
    /** Where regedit breaks a hex line: once the line has this many characters (before the '\'). */
    private static final int HEX_WRAP_COLUMN = 77;
    private static final String HEX_INDENT = "  ";
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    private RegFileWriter() {
    }

    /**
     * @param file what to write
     * @return the file's bytes, BOM included
     */
    public static byte[] write(RegFile file) {
        byte[] text = toText(file).getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[UTF16LE_BOM.length + text.length];
        System.arraycopy(UTF16LE_BOM, 0, out, 0, UTF16LE_BOM.length);
        System.arraycopy(text, 0, out, UTF16LE_BOM.length, text.length);
        return out;
    }

    /**
     * @param file what to write
     * @return the file's text, without BOM
     */
    public static String toText(RegFile file) {
        StringBuilder out = new StringBuilder(RegHeader.VERSION_5.line()).append(CRLF);
        for (RegKeyBlock key : file.keys()) {
            out.append(CRLF).append(key.delete() ? "[-" : "[").append(key.path()).append(']').append(CRLF);
            for (RegValue value : key.values()) {
                value(out, value);
            }
        }
        return out.append(CRLF).toString();
    }

    private static void value(StringBuilder out, RegValue value) {
        int lineStart = out.length();
        out.append(value.name().isEmpty() ? "@" : '"' + escape(value.name()) + '"').append('=');
        byte[] data = value.data();
        if (value.delete()) {
            out.append('-');
        } else if (value.type() == RegValue.REG_SZ && plainString(data) != null) {
            out.append('"').append(escape(plainString(data))).append('"');
        } else if (value.type() == RegValue.REG_DWORD && data.length == 4) {
            int v = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
            out.append(String.format("dword:%08x", v));
        } else {
            out.append(value.type() == RegValue.REG_BINARY ? "hex:" : "hex(" + Integer.toHexString(value.type()) + "):");
            hex(out, data, out.length() - lineStart);
        }
        out.append(CRLF);
    }

    private static void hex(StringBuilder out, byte[] data, int lineLength) {
        for (int i = 0; i < data.length; i++) {
            out.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
            if (i == data.length - 1) {
                break;
            }
            out.append(',');
            lineLength += 3;
            if (lineLength >= HEX_WRAP_COLUMN) {
                out.append('\\').append(CRLF).append(HEX_INDENT);
                lineLength = HEX_INDENT.length();
            }
        }
    }

    /** @return the string of REG_SZ data that the quoted form can carry exactly, or null */
    private static String plainString(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0 || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return null;
        }
        char[] chars = new char[data.length / 2 - 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8);
        }
        String s = new String(chars);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n' || Character.isSurrogate(c) && !validPair(s, i)) {
                return null;
            }
        }
        return s;
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
