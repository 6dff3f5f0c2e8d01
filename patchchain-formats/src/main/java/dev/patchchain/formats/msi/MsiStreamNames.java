package dev.patchchain.formats.msi;

/**
 * The MSI encoding of stream names in the compound file ({@code docs/formats/msi.md#stream-names}): characters of
 * {@code [0-9A-Za-z._]} are packed two to a UTF-16 unit ({@code 0x3800 + a + (b << 6)}) or one
 * ({@code 0x4800 + a}); a table's stream starts with {@code U+4840}.
 */
final class MsiStreamNames {

    static final char TABLE_PREFIX = '\u4840';
    static final int PAIR_BASE = 0x3800;
    static final int SINGLE_BASE = 0x4800;
    static final int SIX_BITS = 0x3F;
    static final int DIGITS = 10;
    static final int UPPER_END = 36;
    static final int LOWER_END = 62;

    private MsiStreamNames() {
    }

    /** @return the stream name as {@code msiinfo} shows it, the table prefix kept as {@code U+4840} */
    static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length() * 2);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c >= PAIR_BASE && c < TABLE_PREFIX) {
                if (c >= SINGLE_BASE) {
                    out.append(fromSix(c - SINGLE_BASE));
                } else {
                    int v = c - PAIR_BASE;
                    out.append(fromSix(v & SIX_BITS)).append(fromSix((v >> 6) & SIX_BITS));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char fromSix(int v) {
        if (v < DIGITS) {
            return (char) ('0' + v);
        }
        if (v < UPPER_END) {
            return (char) ('A' + v - DIGITS);
        }
        if (v < LOWER_END) {
            return (char) ('a' + v - UPPER_END);
        }
        return v == LOWER_END ? '.' : '_';
    }
}
