package dev.patchchain.testing.regf;

import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegHeader;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.reg.RegValue;

/**
 * The {@code .reg} text writer as it was before {@code RegTextWriter} streamed it (commit a38d229's
 * {@code RegFileWriter.toText}, one {@link StringBuilder} per file), kept verbatim as the oracle that the streaming
 * writer must match byte for byte.
 */
final class ReferenceRegText {

    private static final String CRLF = "\r\n";
    private static final int HEX_WRAP_COLUMN = 77;
    private static final String HEX_INDENT = "  ";

    private ReferenceRegText() {
    }

    static String toText(RegFile file) {
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
