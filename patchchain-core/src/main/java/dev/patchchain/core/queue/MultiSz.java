package dev.patchchain.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exact layout of a {@code REG_MULTI_SZ} value: its UTF-16LE data split at every NUL, so that
 * {@link #encode()} gives back the very bytes {@link #decode(byte[])} read, whatever they were.
 *
 * <p>A well-formed value {@code "a\0b\0\0"} has {@code strings = [a, b, ""]} (the last empty string is the list
 * terminator) and an empty {@code tail}. A value that lacks its final NUL keeps the unterminated remainder in
 * {@code tail}; a value of odd length keeps its last byte in {@code strayByte}.
 *
 * @param strings   every NUL-terminated string, in order, including empty ones
 * @param tail      the characters after the last NUL (no terminator); usually empty
 * @param strayByte the last byte of an odd-length value, or {@code -1}
 */
public record MultiSz(List<String> strings, String tail, int strayByte) {

    /** Copies the list and checks the components. */
    public MultiSz {
        strings = List.copyOf(strings);
        Objects.requireNonNull(tail, "tail");
        if (strayByte < -1 || strayByte > 0xFF) {
            throw new IllegalArgumentException("strayByte must be -1 or 0..255, was " + strayByte);
        }
        for (String s : strings) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a string of a REG_MULTI_SZ cannot contain NUL");
            }
        }
        if (tail.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the tail of a REG_MULTI_SZ cannot contain NUL");
        }
    }

    /**
     * Splits raw value data. Never fails: any byte sequence has a layout.
     *
     * @param data the value's bytes (UTF-16LE)
     * @return the layout
     */
    public static MultiSz decode(byte[] data) {
        Objects.requireNonNull(data, "data");
        int units = data.length / 2;
        int strayByte = data.length % 2 == 1 ? data[data.length - 1] & 0xFF : -1;
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < units; i++) {
            char c = (char) ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8);
            if (c == '\0') {
                strings.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return new MultiSz(strings, current.toString(), strayByte);
    }

    /**
     * The well-formed layout of a list: every string NUL-terminated, then one more NUL.
     *
     * @param items the strings; an empty string is allowed (it is how a delete is written)
     * @return the layout
     */
    public static MultiSz of(List<String> items) {
        List<String> strings = new ArrayList<>(items.size() + 1);
        strings.addAll(items);
        strings.add("");
        return new MultiSz(strings, "", -1);
    }

    /** @return the value's bytes, exactly as decoded (or well-formed, for {@link #of}) */
    public byte[] encode() {
        int chars = tail.length();
        for (String s : strings) {
            chars += s.length() + 1;
        }
        byte[] out = new byte[chars * 2 + (strayByte >= 0 ? 1 : 0)];
        int pos = 0;
        for (String s : strings) {
            pos = put(out, pos, s);
            pos += 2;
        }
        pos = put(out, pos, tail);
        if (strayByte >= 0) {
            out[pos] = (byte) strayByte;
        }
        return out;
    }

    /** @return true if the data ends with its final NUL and has an even length */
    public boolean isTerminated() {
        return tail.isEmpty() && strayByte < 0;
    }

    /** Writes UTF-16 units as they are: a lone surrogate must survive, so no charset encoder is involved. */
    private static int put(byte[] out, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out[pos++] = (byte) c;
            out[pos++] = (byte) (c >>> 8);
        }
        return pos;
    }
}
