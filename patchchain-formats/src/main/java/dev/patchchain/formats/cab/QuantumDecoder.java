package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;

/**
 * Expands the blocks of one Quantum folder ({@code docs/formats/cab.md#quantum}): an LZ77 window of 2^10..2^21
 * bytes and an arithmetic coder over adaptive models, all carried from block to block; each CFDATA block is one frame
 * ({@code cbUncomp} ≤ 32 768), and the coder restarts at each. Bits are read most significant first, byte by byte.
 */
final class QuantumDecoder {

    static final int MIN_WINDOW_BITS = 10;
    static final int MAX_WINDOW_BITS = 21;
    private static final int SELECTORS = 7;
    private static final int LITERAL_MODELS = 4;
    private static final int LITERALS_PER_MODEL = 64;
    private static final int LENGTH_SLOTS = 27;
    private static final int MAX_PADDING_BYTES = 8;

    private static final int[] POSITION_BASE = new int[42];
    private static final int[] POSITION_EXTRA = new int[42];
    private static final int[] LENGTH_BASE = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 18, 22, 26, 30, 38, 46, 54, 62, 78,
        94, 110, 126, 158, 190, 222, 254};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};

    static {
        for (int slot = 0; slot < POSITION_BASE.length; slot++) {
            POSITION_EXTRA[slot] = slot < 2 ? 0 : slot / 2 - 1;
            if (slot > 0) {
                POSITION_BASE[slot] = POSITION_BASE[slot - 1] + (1 << POSITION_EXTRA[slot - 1]);
            }
        }
    }

    private final byte[] window;
    private final int mask;
    private final QuantumModel selector = new QuantumModel(0, SELECTORS);
    private final QuantumModel[] literals = new QuantumModel[LITERAL_MODELS];
    private final QuantumModel match3;
    private final QuantumModel match4;
    private final QuantumModel matchLong;
    private final QuantumModel matchLength = new QuantumModel(0, LENGTH_SLOTS);
    private long position;
    private boolean broken;

    // one frame's input and coder state
    private byte[] in;
    private int pos;
    private long bitBuffer;
    private int bitCount;
    private int high;
    private int low;
    private int code;
    private long sourceOffset;
    private String source;

    private QuantumDecoder(int windowBits) {
        this.window = new byte[1 << windowBits];
        this.mask = window.length - 1;
        for (int m = 0; m < LITERAL_MODELS; m++) {
            literals[m] = new QuantumModel(m * LITERALS_PER_MODEL, LITERALS_PER_MODEL);
        }
        int slots = windowBits * 2;
        match3 = new QuantumModel(0, Math.min(slots, 24));
        match4 = new QuantumModel(0, Math.min(slots, 36));
        matchLong = new QuantumModel(0, slots);
    }

    static QuantumDecoder of(CabFolder folder, RangeInput in) throws FormatException {
        int windowBits = folder.compressionRaw() >>> LzxFolderDecoder.WINDOW_SHIFT & LzxFolderDecoder.WINDOW_MASK;
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw in.corrupt(folder.offset() + CabFolder.TYPE_COMPRESS, "CFFOLDER " + folder.index()
                    + ": Quantum window of 2^" + windowBits + " bytes is outside 2^10..2^21 (typeCompress 0x"
                    + Integer.toHexString(folder.compressionRaw()) + ")");
        }
        return new QuantumDecoder(windowBits);
    }

    /**
     * @param block the folder's next block
     * @param cab   the cabinet, for errors
     * @return its {@code cbUncomp} expanded bytes
     * @throws FormatException if the block is not the Quantum frame that follows
     */
    byte[] expand(CabDataBlock block, RangeInput cab) throws FormatException {
        if (broken) {
            throw cab.corrupt(block.offset(), "Quantum: the folder's stream already failed");
        }
        broken = true;
        LeReader data = block.data();
        in = data.bytes(0, data.size(), "Quantum data");
        source = cab.source();
        sourceOffset = block.next() - in.length;
        pos = 0;
        bitBuffer = 0;
        bitCount = 0;
        high = 0xFFFF;
        low = 0;
        code = bits(16);
        byte[] out = new byte[block.uncompressedSize()];
        long start = position;
        long end = position + out.length;
        while (position < end) {
            int sel = symbol(selector);
            if (sel < LITERAL_MODELS) {
                byte literal = (byte) symbol(literals[sel]);
                window[(int) position & mask] = literal;
                out[(int) (position - start)] = literal;
                position++;
                continue;
            }
            int length;
            int slot;
            if (sel == 4) {
                length = 3;
                slot = symbol(match3);
            } else if (sel == 5) {
                length = 4;
                slot = symbol(match4);
            } else {
                int lengthSlot = symbol(matchLength);
                length = LENGTH_BASE[lengthSlot] + bits(LENGTH_EXTRA[lengthSlot]) + 5;
                slot = symbol(matchLong);
            }
            int offset = POSITION_BASE[slot] + bits(POSITION_EXTRA[slot]) + 1;
            if (length > end - position) {
                throw corrupt("a match of " + length + " bytes crosses the end of the frame, " + (end - position)
                        + " bytes on");
            }
            if (offset > position || offset > window.length) {
                throw corrupt("a match refers " + offset + " bytes back, before the start of the stream ("
                        + position + " bytes decoded) or beyond the " + window.length + "-byte window");
            }
            for (int i = 0; i < length; i++, position++) {
                byte b = window[(int) (position - offset) & mask];
                window[(int) position & mask] = b;
                out[(int) (position - start)] = b; // the window may be smaller than the frame
            }
        }
        broken = false;
        return out;
    }

    /** Decodes one symbol of the model with the arithmetic coder, then updates the model. */
    private int symbol(QuantumModel model) throws FormatException {
        int range = ((high - low) & 0xFFFF) + 1;
        int total = model.cumfreq[0];
        int target = (int) (((((code - low) & 0xFFFF) + 1L) * total - 1) / range) & 0xFFFF;
        int i = 1;
        while (i < model.entries && model.cumfreq[i] > target) {
            i++;
        }
        int symbol = model.symbols[i - 1];
        high = (low + (int) ((long) model.cumfreq[i - 1] * range / total) - 1) & 0xFFFF;
        low = (low + (int) ((long) model.cumfreq[i] * range / total)) & 0xFFFF;
        model.update(i - 1);
        while (true) {
            if ((low & 0x8000) != (high & 0x8000)) {
                if ((low & 0x4000) != 0 && (high & 0x4000) == 0) {
                    code ^= 0x4000; // underflow: the two top bits straddle the middle
                    low &= 0x3FFF;
                    high |= 0x4000;
                } else {
                    break;
                }
            }
            low = (low << 1) & 0xFFFF;
            high = ((high << 1) | 1) & 0xFFFF;
            code = ((code << 1) | bits(1)) & 0xFFFF;
        }
        return symbol;
    }

    /** @return the next {@code n} (0–19) raw bits, most significant first; past the input, zeros (a few) */
    private int bits(int n) throws FormatException {
        while (bitCount < n) {
            if (pos >= in.length + MAX_PADDING_BYTES) {
                throw corrupt("the compressed data ends in the middle of a frame");
            }
            bitBuffer = bitBuffer << 8 | (pos < in.length ? in[pos] & 0xFF : 0);
            pos++;
            bitCount += 8;
        }
        bitCount -= n;
        return (int) (bitBuffer >>> bitCount) & ((1 << n) - 1);
    }

    private FormatException corrupt(String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source,
                sourceOffset + Math.min(Math.max(0, pos - bitCount / 8), in.length), "Quantum: " + message);
    }
}
