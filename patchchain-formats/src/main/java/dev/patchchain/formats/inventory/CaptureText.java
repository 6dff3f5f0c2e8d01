package dev.patchchain.formats.inventory;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.io.TextInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a console capture, decoded the way such captures really come: UTF-16LE (PowerShell redirection),
 * UTF-8, a console's OEM or ANSI code page (a {@code cmd.exe} redirect), or an ASCII prefix followed by UTF-16LE
 * ({@code wmic}'s "Please wait while WMIC is being installed." before its Unicode output).
 *
 * <p>What we decide is recorded as a warning: text that is neither UTF-8 nor UTF-16 is read as ISO-8859-1, which
 * keeps every ASCII character (update ids, dates, property names) and garbles only localized labels and names.
 *
 * @param lines    the lines, without line ends; an embedded BOM is removed
 * @param warnings how the bytes were read, when it was not plain UTF-8 or UTF-16
 */
record CaptureText(List<String> lines, List<String> warnings) {

    /** The largest capture accepted. */
    static final int MAX_INPUT_BYTES = 16 << 20;

    CaptureText {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    static CaptureText decode(byte[] data, String source) throws FormatException {
        if (data.length > MAX_INPUT_BYTES) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, source, 0, 0,
                    "input is " + data.length + " bytes, more than the limit of " + MAX_INPUT_BYTES);
        }
        List<String> warnings = new ArrayList<>();
        String text;
        try {
            text = TextInput.decode(data, source, MAX_INPUT_BYTES).text();
            if (text.indexOf('\0') >= 0) {
                text = mixed(data, warnings);
            }
        } catch (FormatException notUnicode) {
            text = new String(data, StandardCharsets.ISO_8859_1);
            if (text.indexOf('\0') >= 0) {
                text = mixed(data, warnings);
            } else {
                warnings.add("not UTF-8 or UTF-16 (a console code page): read as ISO-8859-1, so localized labels and"
                        + " names may be garbled; update ids are ASCII and unaffected");
            }
        }
        return new CaptureText(new TextInput(text.replace("\uFEFF", ""), TextInput.Encoding.UTF_8).lines(), warnings);
    }

    /** A single-byte prefix, then UTF-16LE from the character before the first zero byte. */
    private static String mixed(byte[] data, List<String> warnings) {
        int firstZero = 0;
        while (data[firstZero] != 0) {
            firstZero++;
        }
        int start = Math.max(0, firstZero - 1);
        int end = start + (data.length - start) / 2 * 2;
        warnings.add("single-byte text for the first " + start + " bytes, then UTF-16LE without a byte order mark");
        if (end != data.length) {
            warnings.add("an odd trailing byte after the UTF-16LE text was ignored");
        }
        return new String(Arrays.copyOfRange(data, 0, start), StandardCharsets.ISO_8859_1)
                + new String(data, start, end - start, StandardCharsets.UTF_16LE);
    }
}
