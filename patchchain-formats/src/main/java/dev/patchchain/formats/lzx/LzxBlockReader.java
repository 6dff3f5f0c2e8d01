package dev.patchchain.formats.lzx;

import dev.patchchain.formats.FormatException;
import java.util.Arrays;

/**
 * The block layer of an LZX stream ({@code docs/formats/cab.md#lzx}): block headers, the trees each verbatim or
 * aligned-offset block sends (as deltas from the previous block's code lengths), the repeated offsets R0–R2, and
 * the literals and matches that fill the window. State carries from one frame to the next; a block may span frames,
 * but a match may not cross the end of its block or of its frame.
 */
final class LzxBlockReader {

    static final int VERBATIM = 1;
    static final int ALIGNED = 2;
    static final int UNCOMPRESSED = 3;

    private static final int LITERALS = 256;
    private static final int LENGTH_HEADERS = 8;
    private static final int PRIMARY_LENGTHS = 7;
    private static final int MIN_MATCH = 2;
    private static final int LENGTH_SYMBOLS = 249;
    private static final int ALIGNED_SYMBOLS = 8;
    private static final int ALIGNED_LENGTH_BITS = 3;
    private static final int ALIGNED_OFFSET_BITS = 3;
    private static final int PRETREE_SYMBOLS = 20;
    private static final int PRETREE_LENGTH_BITS = 4;
    private static final int REPEATED_OFFSETS = 3;
    /** Pretree symbols: 0–16 a length delta, then a run of zeros (4 + 4 bits, 20 + 5 bits), a run of one delta. */
    private static final int ZEROS_SHORT = 17;
    private static final int ZEROS_LONG = 18;
    private static final int SAME_RUN = 19;
    private static final int LENGTH_MODULUS = 17;
    /**
     * A run of code lengths may spill this far past the end of its range (the longest run is 51): the extra lengths
     * land in the next range, whose deltas then start from them, or in spare entries. Decoders accept this
     * (libmspack keeps the same spare room), so we do too, the same way.
     */
    private static final int RUN_SPILL = 64;

    /** Position slot bases and extra bits, enough for the 2 MiB window's 50 slots. */
    private static final int[] BASE = new int[51];
    private static final int[] EXTRA = new int[51];

    static {
        for (int slot = 0; slot < EXTRA.length; slot++) {
            EXTRA[slot] = slot < 4 ? 0 : Math.min((slot - 2) / 2, 17);
            if (slot > 0) {
                BASE[slot] = BASE[slot - 1] + (1 << EXTRA[slot - 1]);
            }
        }
    }

    private final LzxVariant variant;
    private final int mainSymbols;
    private final byte[] mainLengths;
    private final byte[] lengthLengths = new byte[LENGTH_SYMBOLS + RUN_SPILL];
    private final byte[] alignedLengths = new byte[ALIGNED_SYMBOLS];
    private HuffmanCode mainCode;
    private HuffmanCode lengthCode;
    private HuffmanCode alignedCode;
    private int r0 = 1;
    private int r1 = 1;
    private int r2 = 1;
    private int blockType;
    private int blockSize;
    private int blockRemaining;

    LzxBlockReader(LzxVariant variant, int windowBits) {
        this.variant = variant;
        int slots = 0;
        while (BASE[slots] < 1 << windowBits) {
            slots++;
        }
        this.mainSymbols = LITERALS + slots * LENGTH_HEADERS;
        this.mainLengths = new byte[mainSymbols + RUN_SPILL];
    }

    /**
     * Decodes from {@code position} to {@code end} (at most one frame) into the window.
     *
     * @return {@code end}
     */
    long decode(LzxBits bits, byte[] window, int mask, int windowSize, long position, long end)
            throws FormatException {
        long at = position;
        while (at < end) {
            if (blockRemaining == 0) {
                readHeader(bits);
            }
            int run = (int) Math.min(blockRemaining, end - at);
            if (blockType == UNCOMPRESSED) {
                bits.readBytes(window, mask, at, run);
                if (run == blockRemaining && (blockSize & 1) == 1 && bits.hasByte()) {
                    bits.readByte(); // the padding byte after an odd-sized block
                }
            } else {
                decodeRun(bits, window, mask, windowSize, at, run);
            }
            blockRemaining -= run;
            at += run;
        }
        return at;
    }

    private void readHeader(LzxBits bits) throws FormatException {
        blockType = bits.read(3);
        blockSize = variant.readBlockSize(bits);
        if (blockSize == 0) {
            throw bits.corrupt("a block of type " + blockType + " declares 0 bytes");
        }
        switch (blockType) {
            case ALIGNED -> {
                for (int s = 0; s < ALIGNED_SYMBOLS; s++) {
                    alignedLengths[s] = (byte) bits.read(ALIGNED_LENGTH_BITS);
                }
                alignedCode = HuffmanCode.of("aligned offset tree", alignedLengths, ALIGNED_SYMBOLS, false, bits);
                readMainAndLengthTrees(bits);
            }
            case VERBATIM -> readMainAndLengthTrees(bits);
            case UNCOMPRESSED -> {
                bits.alignForBytes();
                int[] r = new int[REPEATED_OFFSETS];
                for (int i = 0; i < REPEATED_OFFSETS; i++) {
                    r[i] = bits.readByte() | bits.readByte() << 8 | bits.readByte() << 16 | bits.readByte() << 24;
                }
                r0 = r[0];
                r1 = r[1];
                r2 = r[2];
            }
            default -> throw bits.corrupt("block type " + blockType + " is none of 1 (verbatim), 2 (aligned "
                    + "offset), 3 (uncompressed)");
        }
        blockRemaining = blockSize;
    }

    private void readMainAndLengthTrees(LzxBits bits) throws FormatException {
        readLengths(bits, mainLengths, 0, LITERALS, "main tree");
        readLengths(bits, mainLengths, LITERALS, mainSymbols, "main tree");
        mainCode = HuffmanCode.of("main tree", mainLengths, mainSymbols, false, bits);
        readLengths(bits, lengthLengths, 0, LENGTH_SYMBOLS, "length tree");
        lengthCode = HuffmanCode.of("length tree", lengthLengths, LENGTH_SYMBOLS, true, bits);
    }

    /** Reads a pretree, then code lengths {@code from..to} as deltas from the lengths already there. */
    private static void readLengths(LzxBits bits, byte[] lengths, int from, int to, String tree)
            throws FormatException {
        byte[] pre = new byte[PRETREE_SYMBOLS];
        for (int s = 0; s < PRETREE_SYMBOLS; s++) {
            pre[s] = (byte) bits.read(PRETREE_LENGTH_BITS);
        }
        HuffmanCode pretree = HuffmanCode.of("pretree of the " + tree, pre, PRETREE_SYMBOLS, false, bits);
        int i = from;
        while (i < to) {
            int symbol = pretree.decode(bits);
            if (symbol < ZEROS_SHORT) {
                lengths[i] = delta(lengths[i], symbol);
                i++;
                continue;
            }
            int run;
            byte value;
            if (symbol == ZEROS_SHORT) {
                run = 4 + bits.read(4);
                value = 0;
            } else if (symbol == ZEROS_LONG) {
                run = 20 + bits.read(5);
                value = 0;
            } else {
                run = 4 + bits.read(1);
                int same = pretree.decode(bits);
                if (same >= ZEROS_SHORT) {
                    throw bits.corrupt("pretree symbol " + SAME_RUN + " of the " + tree + " is followed by "
                            + same + ", not a length delta (0-16)");
                }
                value = delta(lengths[i], same);
            }
            Arrays.fill(lengths, i, i + run, value);
            i += run;
        }
    }

    private static byte delta(byte previous, int symbol) {
        return (byte) ((previous - symbol + LENGTH_MODULUS) % LENGTH_MODULUS);
    }

    private void decodeRun(LzxBits bits, byte[] window, int mask, int windowSize, long start, int run)
            throws FormatException {
        long at = start;
        long end = start + run;
        while (at < end) {
            int main = mainCode.decode(bits);
            if (main < LITERALS) {
                window[(int) at & mask] = (byte) main;
                at++;
                continue;
            }
            main -= LITERALS;
            int length = main & PRIMARY_LENGTHS;
            if (length == PRIMARY_LENGTHS) {
                length += lengthCode.decode(bits);
            }
            length += MIN_MATCH;
            int offset = offset(bits, main >>> 3);
            if (length > end - at) {
                throw bits.corrupt("a match of " + length + " bytes crosses the end of its block or frame, "
                        + (end - at) + " bytes on");
            }
            if (offset <= 0 || offset > at || offset > windowSize) {
                throw bits.corrupt("a match refers " + Integer.toUnsignedString(offset) + " bytes back, "
                        + (offset > 0 && offset <= windowSize ? "before the start of the stream (" + at
                        + " bytes decoded)" : "outside the " + windowSize + "-byte window"));
            }
            int to = (int) at & mask;
            int from = (int) (at - offset) & mask;
            if (offset >= length && to + length <= windowSize && from + length <= windowSize) {
                System.arraycopy(window, from, window, to, length);
            } else {
                for (int i = 0; i < length; i++) {
                    window[(to + i) & mask] = window[(from + i) & mask];
                }
            }
            at += length;
        }
    }

    private int offset(LzxBits bits, int slot) throws FormatException {
        int offset;
        switch (slot) {
            case 0 -> offset = r0;
            case 1 -> {
                offset = r1;
                r1 = r0;
                r0 = offset;
            }
            case 2 -> {
                offset = r2;
                r2 = r0;
                r0 = offset;
            }
            default -> {
                int extra = EXTRA[slot];
                int formatted;
                if (blockType == ALIGNED && extra >= ALIGNED_OFFSET_BITS) {
                    formatted = BASE[slot] + (bits.read(extra - ALIGNED_OFFSET_BITS) << ALIGNED_OFFSET_BITS)
                            + alignedCode.decode(bits);
                } else {
                    formatted = BASE[slot] + bits.read(extra);
                }
                offset = formatted - 2;
                r2 = r1;
                r1 = r0;
                r0 = offset;
            }
        }
        return offset;
    }
}
