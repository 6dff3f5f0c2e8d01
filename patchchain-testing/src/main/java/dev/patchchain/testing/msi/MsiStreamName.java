package dev.patchchain.testing.msi;

/**
 * Encodes a name as Windows Installer stores it in the compound file (docs/formats/msi.md#stream-names): two
 * characters of {@code [0-9A-Za-z._]} in one UTF-16 unit {@code 0x3800 + a + (b << 6)}, a lone one as
 * {@code 0x4800 + a}, any other character as itself; a table's stream starts with {@code U+4840}.
 *
 * <pre>{@code
 * MsiStreamName.table("File");        // "\u4840" + two packed units
 * MsiStreamName.stream("PCW_CAB_1");  // an embedded cabinet: no prefix
 * }</pre>
 */
public final class MsiStreamName {

    /** The first unit of every table stream's name. */
    public static final char TABLE_PREFIX = '\u4840';
    private static final int PAIR_BASE = 0x3800;
    private static final int SINGLE_BASE = 0x4800;
    private static final int DIGITS = 10;
    private static final int LETTERS = 26;
    private static final int DOT = 62;
    private static final int UNDERSCORE = 63;

    private MsiStreamName() {
    }

    /**
     * @param table a table's name, e.g. {@code _StringPool}
     * @return its stream's stored name
     */
    public static String table(String table) {
        return TABLE_PREFIX + encode(table);
    }

    /**
     * @param name a stream that is not a table, e.g. an embedded cabinet
     * @return its stored name
     */
    public static String stream(String name) {
        return encode(name);
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            int a = six(name.charAt(i));
            if (a < 0) {
                out.append(name.charAt(i));
                continue;
            }
            int b = i + 1 < name.length() ? six(name.charAt(i + 1)) : -1;
            if (b >= 0) {
                out.append((char) (PAIR_BASE + a + (b << 6)));
                i++;
            } else {
                out.append((char) (SINGLE_BASE + a));
            }
        }
        if (out.length() > 31) {
            throw new IllegalArgumentException("stream name " + name + " is " + out.length()
                    + " units once encoded; a compound file allows 31");
        }
        return out.toString();
    }

    /** @return the character's 6-bit code, or -1 if it is not in the alphabet */
    private static int six(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return DIGITS + c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return DIGITS + LETTERS + c - 'a';
        }
        return c == '.' ? DOT : c == '_' ? UNDERSCORE : -1;
    }
}
