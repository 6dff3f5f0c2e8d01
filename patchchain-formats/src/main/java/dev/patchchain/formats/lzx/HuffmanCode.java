package dev.patchchain.formats.lzx;

import dev.patchchain.formats.FormatException;
import java.util.Arrays;

/**
 * A canonical Huffman code built from code lengths (shorter codes first, equal lengths in symbol order; bits most
 * significant first), as every LZX tree is. Codes up to {@link #TABLE_BITS} long decode with one table look-up,
 * longer ones by walking the canonical code one length at a time.
 *
 * <p>A code must be complete (the Kraft sum is exactly 1). An all-zero code is <em>empty</em>: allowed where the
 * format allows it (the length tree of a block without long matches), and decoding from it is corrupt.
 */
final class HuffmanCode {

    static final int MAX_LENGTH = 16;
    private static final int TABLE_BITS = 10;
    private static final int LENGTH_BITS = 5;
    private static final int LONG_CODE = -1;

    private final String name;
    private final int[] table = new int[1 << TABLE_BITS];
    private final int[] counts = new int[MAX_LENGTH + 1];
    private final int[] sorted;
    private final boolean empty;

    private HuffmanCode(String name, int symbols, boolean empty) {
        this.name = name;
        this.sorted = new int[symbols];
        this.empty = empty;
    }

    /**
     * @param name       the tree, for errors ("main tree")
     * @param lengths    code lengths, 0 (unused) to {@link #MAX_LENGTH}
     * @param symbols    how many of {@code lengths} belong to the code
     * @param allowEmpty whether all-zero lengths are acceptable
     * @param bits       the stream, for the error's offset
     */
    static HuffmanCode of(String name, byte[] lengths, int symbols, boolean allowEmpty, LzxBits bits)
            throws FormatException {
        int[] counts = new int[MAX_LENGTH + 1];
        for (int s = 0; s < symbols; s++) {
            counts[lengths[s]]++;
        }
        counts[0] = 0;
        int left = 1;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            left = (left << 1) - counts[len];
            if (left < 0) {
                throw bits.corrupt("the " + name + " is over-subscribed (its code lengths describe too many codes)");
            }
        }
        boolean empty = left == 1 << MAX_LENGTH;
        if (empty && !allowEmpty) {
            throw bits.corrupt("the " + name + " has no codes (all its code lengths are 0)");
        }
        if (left != 0 && !empty) {
            throw bits.corrupt("the " + name + " is incomplete (its code lengths leave codes unused)");
        }
        HuffmanCode code = new HuffmanCode(name, symbols, empty);
        code.fill(lengths, counts);
        return code;
    }

    private void fill(byte[] lengths, int[] lengthCounts) {
        System.arraycopy(lengthCounts, 0, counts, 0, counts.length);
        int[] offsets = new int[MAX_LENGTH + 2];
        for (int len = 1; len <= MAX_LENGTH; len++) {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        for (int s = 0; s < sorted.length; s++) {
            if (lengths[s] != 0) {
                sorted[offsets[lengths[s]]++] = s;
            }
        }
        Arrays.fill(table, LONG_CODE);
        int code = 0;
        int index = 0;
        for (int len = 1; len <= TABLE_BITS; len++) {
            for (int i = 0; i < counts[len]; i++, code++, index++) {
                int from = code << (TABLE_BITS - len);
                Arrays.fill(table, from, from + (1 << (TABLE_BITS - len)),
                        sorted[index] << LENGTH_BITS | len);
            }
            code <<= 1;
        }
    }

    /** @return the next symbol */
    int decode(LzxBits bits) throws FormatException {
        if (empty) {
            throw bits.corrupt("a symbol is read from the " + name + ", which has no codes");
        }
        int peek = bits.peek(MAX_LENGTH);
        int entry = table[peek >>> (MAX_LENGTH - TABLE_BITS)];
        if (entry != LONG_CODE) {
            bits.skip(entry & ((1 << LENGTH_BITS) - 1));
            return entry >>> LENGTH_BITS;
        }
        int code = 0;
        int first = 0;
        int index = 0;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            code |= peek >>> (MAX_LENGTH - len) & 1;
            if (code - first < counts[len]) {
                bits.skip(len);
                return sorted[index + code - first];
            }
            index += counts[len];
            first = (first + counts[len]) << 1;
            code <<= 1;
        }
        throw bits.corrupt("no code of the " + name + " matches"); // unreachable for a complete code
    }
}
