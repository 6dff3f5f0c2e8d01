package dev.patchchain.testing.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code hivexregedit --export} (Debian {@code libwin-hivex-perl}) on a hive and parses its output into keys
 * (path below the root, {@code ""} for the root) and values ({@code name}, type, bytes as hex).
 *
 * <p>hivexregedit prints each line through Perl without an encoding layer: a line holding a character above U+00FF
 * comes out as UTF-8, any other line as Latin-1 bytes; each line is decoded accordingly.
 */
final class HivexExport {

    static final String TOOL = "hivexregedit";
    private static final String PREFIX = "HIVE";

    /** One value as hivexregedit prints it. */
    record Value(String name, int type, String hex) {
    }

    private HivexExport() {
    }

    /**
     * @param hive the hive file
     * @return its keys in export order, each with its values; {@code null} if hivexregedit fails on it
     * @throws IOException if the tool cannot be run
     */
    static Map<String, List<Value>> export(Path hive) throws IOException {
        Process p = new ProcessBuilder(TOOL, "--export", "--prefix", PREFIX, hive.toString(), "\\")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (p.waitFor() != 0) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return parse(out);
    }

    static Map<String, List<Value>> parse(byte[] out) {
        Map<String, List<Value>> keys = new LinkedHashMap<>();
        List<Value> current = null;
        int start = 0;
        String pending = null; // a key line whose name holds a line feed (yarp's BogusKeyNamesHive)
        for (int i = 0; i <= out.length; i++) {
            if (i < out.length && out[i] != '\n') {
                continue;
            }
            String line = decode(out, start, i - start);
            start = i + 1;
            if (pending != null) {
                line = pending + "\n" + line;
                pending = null;
            }
            if (line.startsWith("[" + PREFIX + "\\") && !line.endsWith("]")) {
                pending = line;
            } else if (line.startsWith("[" + PREFIX + "\\")) {
                String path = line.substring(PREFIX.length() + 2, line.length() - 1);
                current = keys.computeIfAbsent(path, k -> new ArrayList<>());
            } else if (current != null && (line.startsWith("\"") || line.startsWith("@="))) {
                current.add(value(line));
            }
        }
        return keys;
    }

    private static Value value(String line) {
        StringBuilder name = new StringBuilder();
        int at;
        if (line.startsWith("@=")) {
            at = 2;
        } else {
            at = 1;
            while (line.charAt(at) != '"') {
                if (line.charAt(at) == '\\') {
                    at++;
                }
                name.append(line.charAt(at++));
            }
            at += 2; // '"='
        }
        String data = line.substring(at);
        if (data.startsWith("dword:")) {
            String h = data.substring(6);
            return new Value(name.toString(), 4, h.substring(6, 8) + h.substring(4, 6) + h.substring(2, 4)
                    + h.substring(0, 2));
        }
        int colon = data.indexOf(':');
        String kind = data.substring(0, colon);
        int type = kind.equals("hex") ? 3 : (int) Long.parseLong(kind.substring(4, kind.length() - 1), 16);
        return new Value(name.toString(), type, data.substring(colon + 1).replace(",", ""));
    }

    private static String decode(byte[] b, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }
}
