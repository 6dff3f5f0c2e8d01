package dev.patchchain.formats.lzx;

import dev.patchchain.formats.FormatException;
import java.util.Objects;

/**
 * Expands LZX ({@code docs/formats/cab.md#lzx}, Microsoft's LZX DELTA specification [MS-PATCH] less its reference
 * data): an LZ77 window of 2^15 to 2^21 bytes, verbatim, aligned-offset and uncompressed blocks, Huffman trees sent
 * as deltas from the block before, three repeated offsets, and the E8 (x86 {@code CALL}) translation undone on
 * output. Output comes in frames of at most 32 KiB; the encoder pads each frame's bits to a 16-bit boundary, so a
 * frame's compressed bytes can be handed over on their own.
 *
 * <p>Two variants: a cabinet folder is one stream whose state (window, trees, repeated offsets) carries across its
 * CFDATA blocks, one frame per block ({@link #forCab}); a WIM chunk is a stream of its own with a 32 KiB window, the
 * translation always on with size 12 000 000 and a shorter block header ({@link #decodeWimChunk}).
 *
 * <pre>{@code
 * LzxDecoder lzx = LzxDecoder.forCab(21);                  // typeCompress 0x1503
 * for (CFDATA block : folder) {
 *     byte[] frame = new byte[block.cbUncomp];
 *     lzx.decode(block.data, 0, block.data.length, frame, 0, frame.length, "x.cab", block.dataOffset);
 * }
 * }</pre>
 *
 * <p>Corrupt input is a {@link FormatException} ({@code CORRUPT}, with the source and the byte offset), never an
 * unchecked exception; every frame does work bounded by its sizes. After an exception the decoder is unusable.
 */
public final class LzxDecoder {

    /** The smallest window, 32 KiB. */
    public static final int MIN_WINDOW_BITS = 15;
    /** The largest window, 2 MiB. */
    public static final int MAX_WINDOW_BITS = 21;
    /** The most output of one frame. */
    public static final int FRAME_SIZE = 1 << 15;
    /** A WIM chunk's translation size: the E8 translation is always on there with this size. */
    static final int WIM_TRANSLATION_SIZE = 12_000_000;
    /** Frames after this one (1 GiB into the stream) are not translated (as libmspack decodes). */
    private static final int LAST_TRANSLATED_FRAME = 32768;

    private final byte[] window;
    private final int windowSize;
    private final int mask;
    private final LzxBlockReader blocks;
    private long position;
    private long frames;
    private boolean headerRead;
    private int translationSize;
    private boolean broken;

    private LzxDecoder(LzxVariant variant, int windowBits) {
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("LZX window bits must be 15..21, not " + windowBits);
        }
        this.windowSize = 1 << windowBits;
        this.window = new byte[windowSize];
        this.mask = windowSize - 1;
        this.blocks = new LzxBlockReader(variant, windowBits);
    }

    /**
     * @param windowBits the window, bits 8–12 of CFFOLDER {@code typeCompress}: 15 to 21
     * @return a decoder for one cabinet folder; feed it the folder's CFDATA blocks in order
     * @throws IllegalArgumentException if the window is outside 15..21 (check it as a format error first)
     */
    public static LzxDecoder forCab(int windowBits) {
        return new LzxDecoder(LzxVariant.CAB, windowBits);
    }

    /**
     * Expands one WIM chunk (an LZX stream of its own, 32 KiB window).
     *
     * @param in           the compressed chunk
     * @param off          where it starts in {@code in}
     * @param len          its compressed size
     * @param out          where the chunk goes
     * @param outOff       where in {@code out}
     * @param outLen       its uncompressed size, 0 to {@link #FRAME_SIZE}
     * @param source       the input's name, for errors
     * @param sourceOffset the input offset of {@code in[off]}, for errors
     * @throws FormatException if the chunk is not valid LZX or does not expand to exactly {@code outLen} bytes
     */
    public static void decodeWimChunk(byte[] in, int off, int len, byte[] out, int outOff, int outLen,
            String source, long sourceOffset) throws FormatException {
        LzxDecoder chunk = new LzxDecoder(LzxVariant.WIM, MIN_WINDOW_BITS);
        chunk.headerRead = true;
        chunk.translationSize = WIM_TRANSLATION_SIZE;
        chunk.decode(in, off, len, out, outOff, outLen, source, sourceOffset);
    }

    /**
     * Expands the next frame of the stream.
     *
     * @param in           the frame's compressed bytes (a CFDATA block's data)
     * @param off          where they start in {@code in}
     * @param len          how many there are
     * @param out          where the frame goes
     * @param outOff       where in {@code out}
     * @param outLen       the frame's size ({@code cbUncomp}), 0 to {@link #FRAME_SIZE}
     * @param source       the input's name, for errors
     * @param sourceOffset the input offset of {@code in[off]}, for errors
     * @return the compressed bytes the frame used (at most {@code len}; the rest is ignored)
     * @throws FormatException if the bytes are not valid LZX or do not expand to exactly {@code outLen} bytes
     */
    public int decode(byte[] in, int off, int len, byte[] out, int outOff, int outLen, String source,
            long sourceOffset) throws FormatException {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.checkFromIndexSize(outOff, outLen, out.length);
        if (outLen > FRAME_SIZE) {
            throw new IllegalArgumentException("an LZX frame is at most " + FRAME_SIZE + " bytes, not " + outLen);
        }
        if (broken) {
            throw new IllegalStateException("this LZX stream already failed");
        }
        broken = true;
        LzxBits bits = new LzxBits(in, off, len, source, sourceOffset);
        if (!headerRead) {
            translationSize = bits.read(1) == 1 ? bits.read(32) : 0;
            headerRead = true;
        }
        long frameStart = position;
        position = blocks.decode(bits, window, mask, windowSize, position, position + outLen);
        bits.alignToWord();
        bits.requireWithinInput();
        int w = (int) frameStart & mask;
        int first = Math.min(outLen, windowSize - w);
        System.arraycopy(window, w, out, outOff, first);
        System.arraycopy(window, 0, out, outOff + first, outLen - first);
        if (translationSize != 0 && frames <= LAST_TRANSLATED_FRAME) {
            E8Translation.undo(out, outOff, outLen, (int) frameStart, translationSize);
        }
        frames++;
        broken = false;
        return bits.consumed();
    }
}
