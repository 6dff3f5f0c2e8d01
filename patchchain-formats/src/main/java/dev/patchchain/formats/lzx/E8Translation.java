package dev.patchchain.formats.lzx;

/**
 * Undoes the encoder's x86 {@code CALL} translation on one frame of output: each 0xE8 byte before the frame's last
 * 10 bytes is followed by a 32-bit little-endian operand that the encoder turned from relative into absolute (when
 * it fell in the range below); we turn it back, and skip over it.
 */
final class E8Translation {

    private static final int OPCODE = 0xE8;
    /** No operand is translated in the last 10 bytes of a frame (the encoder stops 6 + 4 bytes early). */
    private static final int TAIL = 10;

    private E8Translation() {
    }

    /**
     * @param frame           the output
     * @param off             where the frame starts
     * @param len             its size
     * @param streamPosition  the frame's position in the stream (what the encoder added)
     * @param translationSize the header's translation size
     */
    static void undo(byte[] frame, int off, int len, int streamPosition, int translationSize) {
        int end = off + len - TAIL;
        for (int i = off; i < end; i++) {
            if ((frame[i] & 0xFF) != OPCODE) {
                continue;
            }
            int at = streamPosition + (i - off);
            int absolute = frame[i + 1] & 0xFF | (frame[i + 2] & 0xFF) << 8 | (frame[i + 3] & 0xFF) << 16
                    | frame[i + 4] << 24;
            if (absolute >= -at && absolute < translationSize) {
                int relative = absolute >= 0 ? absolute - at : absolute + translationSize;
                frame[i + 1] = (byte) relative;
                frame[i + 2] = (byte) (relative >>> 8);
                frame[i + 3] = (byte) (relative >>> 16);
                frame[i + 4] = (byte) (relative >>> 24);
            }
            i += 4;
        }
    }
}
