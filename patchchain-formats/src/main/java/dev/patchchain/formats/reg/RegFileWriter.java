package dev.patchchain.formats.reg;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * gives back exactly the same {@link RegFile} (headers aside). {@link RegTextWriter} does the writing, and streams
 * it when there is no {@link RegFile} to hold.
 *
 * <pre>{@code
 * byte[] bytes = RegFileWriter.write(RegFile.of(List.of(block)));
 * }</pre>
 */
public final class RegFileWriter {

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
     * @param out a file's bytes, e.g. for {@link RegTextWriter} to stream to
     * @return a writer that encodes as regedit's files are, UTF-16LE, after the BOM it has written
     * @throws IOException if writing the BOM fails
     */
    public static Writer utf16leWithBom(OutputStream out) throws IOException {
        out.write(UTF16LE_BOM);
        return new OutputStreamWriter(out, StandardCharsets.UTF_16LE);
    }

    /**
     * @param file what to write
     * @return the file's text, without BOM
     */
    public static String toText(RegFile file) {
        StringWriter out = new StringWriter();
        try {
            RegTextWriter text = new RegTextWriter(out);
            for (RegKeyBlock key : file.keys()) {
                text.key(key.path(), key.delete());
                for (RegValue value : key.values()) {
                    text.value(value);
                }
            }
            text.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
