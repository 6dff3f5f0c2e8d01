package dev.patchchain.formats.regf;

/**
 * A run of bytes of a hive file that an edit changed (or appended), by file offset.
 *
 * <pre>{@code
 * new ByteRange(0x1000, 8).contains(0x1007);   // true
 * }</pre>
 *
 * @param offset the first byte, from the start of the file
 * @param length how many bytes
 */
public record ByteRange(long offset, long length) {

    /** Checks the bounds. */
    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
    }

    /** @return one past the last byte */
    public long end() {
        return offset + length;
    }

    /**
     * @param at a file offset
     * @return true if the byte at {@code at} is inside this range
     */
    public boolean contains(long at) {
        return at >= offset && at < end();
    }
}
