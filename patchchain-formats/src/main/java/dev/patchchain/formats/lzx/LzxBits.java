package dev.patchchain.formats.lzx;

import dev.patchchain.formats.FormatException;

/**
 * The LZX bit stream over one frame's compressed bytes: 16-bit little-endian words, each read from its most
 * significant bit down ({@code docs/formats/cab.md#lzx}). Uncompressed blocks switch it to plain bytes.
 *
 * <p>Huffman decoding peeks up to 16 bits ahead, so words past the end read as zeros; only a few are allowed, and
 * {@link #requireWithinInput()} checks at the end of a frame that no bit past the end was actually consumed.
 */
final class LzxBits {

    /** Zero words a peek may see past the end before the input is declared short. */
    private static final int MAX_PADDING_BYTES = 8;

    private final byte[] in;
    private final int start;
    private final int end;
    private final String source;
    private final long sourceOffset;
    /** The next byte to load; may pass {@link #end} by {@link #MAX_PADDING_BYTES} (those read as zero). */
    private int pos;
    private long buffer;
    private int count;

    LzxBits(byte[] in, int off, int len, String source, long sourceOffset) {
        this.in = in;
        this.start = off;
        this.end = off + len;
        this.source = source;
        this.sourceOffset = sourceOffset;
        this.pos = off;
    }

    /** @return the top {@code n} (1–32) bits without consuming them */
    int peek(int n) throws FormatException {
        if (count < n) {
            refill();
        }
        return (int) (buffer >>> (count - n) & ((1L << n) - 1));
    }

    /** Loads words until more than 32 bits are buffered (at most 48). */
    private void refill() throws FormatException {
        while (count <= 32) {
            if (pos + 1 < end) {
                buffer = buffer << 16 | (in[pos + 1] & 0xFF) << 8 | in[pos] & 0xFF;
            } else if (pos >= end + MAX_PADDING_BYTES) {
                throw corrupt("the compressed data ends in the middle of a frame");
            } else {
                buffer = buffer << 16 | (pos < end ? in[pos] & 0xFF : 0);
            }
            pos += 2;
            count += 16;
        }
    }

    void skip(int n) {
        count -= n;
    }

    /** @return the next {@code n} (0–32) bits, most significant first */
    int read(int n) throws FormatException {
        if (n == 0) {
            return 0;
        }
        int value = peek(n);
        count -= n;
        return value;
    }

    /** Drops 0–15 bits to the next 16-bit boundary, as the encoder pads at the end of each frame. */
    void alignToWord() {
        count -= count & 15;
    }

    /**
     * Aligns for an uncompressed block, whose header pads with 1–16 bits (16 when already aligned), and switches
     * to bytes.
     */
    void alignForBytes() throws FormatException {
        if ((count & 15) == 0) {
            peek(16);
            count -= 16;
        } else {
            count -= count & 15;
        }
        pos -= count / 8;
        buffer = 0;
        count = 0;
    }

    /** @return the next byte; only between {@link #alignForBytes()} and the next bit read */
    int readByte() throws FormatException {
        if (pos >= end) {
            throw corrupt("an uncompressed block needs more bytes than the frame holds");
        }
        return in[pos++] & 0xFF;
    }

    /** Copies {@code n} bytes of an uncompressed block into a circular window. */
    void readBytes(byte[] window, int mask, long at, int n) throws FormatException {
        if (n > end - pos) {
            throw corrupt("an uncompressed block needs " + n + " more bytes but the frame holds " + (end - pos));
        }
        int w = (int) at & mask;
        int first = Math.min(n, window.length - w);
        System.arraycopy(in, pos, window, w, first);
        System.arraycopy(in, pos + first, window, 0, n - first);
        pos += n;
    }

    /** @return true if bytes remain (for the padding byte after an odd-sized uncompressed block) */
    boolean hasByte() {
        return count == 0 && pos < end;
    }

    /** @return the input bytes consumed, up to the current (aligned) position */
    int consumed() {
        return pos - start - count / 8;
    }

    void requireWithinInput() throws FormatException {
        if (pos - count / 8 > end) {
            throw corrupt("the frame's bits run " + (pos - count / 8 - end) + " bytes past its compressed data");
        }
    }

    FormatException corrupt(String message) {
        long at = sourceOffset + Math.min(Math.max(0, pos - start - count / 8), end - start);
        return new FormatException(FormatException.Kind.CORRUPT, source, at, "LZX: " + message);
    }
}
