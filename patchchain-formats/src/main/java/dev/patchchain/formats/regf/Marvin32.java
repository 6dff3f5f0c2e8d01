package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * The Marvin32 hash that guards new-format log entries (see {@code docs/formats/regf.md#log-entry}); the 64-bit
 * result is the two 32-bit state words, low word first.
 */
final class Marvin32 {

    /**
     * The seed Windows uses for log entries, the spec's "82 EF 4D 88 7A 4E 55 C5" read as one big-endian number:
     * low word 0x7A4E55C5 starts the state {@code p0} (checked against yarp's dirty hives).
     */
    static final long LOG_SEED = 0x82EF4D887A4E55C5L;

    private Marvin32() {
    }

    static long hash(LeReader r, int offset, int length, long seed) throws FormatException {
        r.check(offset, length, "Marvin32 input");
        int p0 = (int) seed;
        int p1 = (int) (seed >>> 32);
        int at = offset;
        int end = offset + length;
        for (; end - at >= 4; at += 4) {
            p0 += r.u32(at, "Marvin32 input");
            int[] s = block(p0, p1);
            p0 = s[0];
            p1 = s[1];
        }
        p0 += finalWord(r, at, end - at);
        int[] s = block(p0, p1);
        s = block(s[0], s[1]);
        return (s[1] & 0xFFFFFFFFL) << 32 | (s[0] & 0xFFFFFFFFL);
    }

    private static int finalWord(LeReader r, int at, int remaining) throws FormatException {
        int word = 0x80 << (8 * remaining);
        for (int i = 0; i < remaining; i++) {
            word |= r.u8(at + i, "Marvin32 input") << (8 * i);
        }
        return word;
    }

    private static int[] block(int p0, int p1) {
        p1 ^= p0;
        p0 = Integer.rotateLeft(p0, 20);
        p0 += p1;
        p1 = Integer.rotateLeft(p1, 9);
        p1 ^= p0;
        p0 = Integer.rotateLeft(p0, 27);
        p0 += p1;
        p1 = Integer.rotateLeft(p1, 19);
        return new int[] {p0, p1};
    }
}
