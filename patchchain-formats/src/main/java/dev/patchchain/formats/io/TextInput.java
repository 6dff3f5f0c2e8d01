package dev.patchchain.formats.io;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of a text file to its characters and lines, with the encoding detected the way Windows tools write text:
 * UTF-16LE with a BOM (regedit, PowerShell redirection), UTF-8 with or without a BOM, and UTF-16LE without a BOM
 * when every second byte of the start is zero.
 *
 * <pre>{@code
 * TextInput in = TextInput.decode(bytes, "export.reg", 64 << 20);
 * in.encoding();   // UTF_16LE_BOM
 * in.lines();      // the lines without their CR LF / LF / CR
 * }</pre>
 *
 * @param text     the decoded characters, BOM removed
 * @param encoding what was detected
 */
public record TextInput(String text, Encoding encoding) {

    /** How the bytes were encoded. */
    public enum Encoding {
        /** UTF-16LE starting with FF FE. */
        UTF_16LE_BOM,
        /** UTF-16LE without BOM, detected from zero high bytes. */
        UTF_16LE,
        /** UTF-8 starting with EF BB BF. */
        UTF_8_BOM,
        /** UTF-8 (ASCII included) without BOM. */
        UTF_8
    }

    /** How many leading code units are looked at to detect BOM-less UTF-16LE. */
    private static final int SNIFF_UNITS = 64;

    /**
     * @param data     the file's bytes
     * @param source   its name, for errors
     * @param maxBytes the largest input accepted
     * @return the text
     * @throws FormatException if the input is too large or not valid in the detected encoding
     */
    public static TextInput decode(byte[] data, String source, int maxBytes) throws FormatException {
        if (data.length > maxBytes) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, source, 0, 0,
                    "input is " + data.length + " bytes, more than the limit of " + maxBytes);
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return new TextInput(strict(data, 2, StandardCharsets.UTF_16LE, source), Encoding.UTF_16LE_BOM);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return new TextInput(strict(data, 3, StandardCharsets.UTF_8, source), Encoding.UTF_8_BOM);
        }
        if (looksLikeUtf16Le(data)) {
            return new TextInput(strict(data, 0, StandardCharsets.UTF_16LE, source), Encoding.UTF_16LE);
        }
        return new TextInput(strict(data, 0, StandardCharsets.UTF_8, source), Encoding.UTF_8);
    }

    /**
     * @return the lines, split at CR LF, LF or CR; a final line break does not start another line
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** BOM-less UTF-16LE: an even length and a zero high byte in most of the first units, as in ASCII text. */
    private static boolean looksLikeUtf16Le(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0) {
            return false;
        }
        int units = Math.min(SNIFF_UNITS, data.length / 2);
        int zeroHigh = 0;
        for (int i = 0; i < units; i++) {
            if (data[2 * i + 1] == 0 && data[2 * i] != 0) {
                zeroHigh++;
            }
        }
        return zeroHigh * 4 >= units * 3;
    }

    private static String strict(byte[] data, int skip, Charset charset, String source) throws FormatException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, skip, data.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0,
                    "not valid " + charset.name() + " text (" + e.getMessage() + "); save it as UTF-8 or UTF-16 (a cmd.exe"
                            + " redirect is in the console's OEM code page: use PowerShell or chcp 65001)");
        }
    }
}
