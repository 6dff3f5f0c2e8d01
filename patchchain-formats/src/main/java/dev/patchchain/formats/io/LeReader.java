package dev.patchchain.formats.io;

import dev.patchchain.formats.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one bounds-checked little-endian reader every binary parser uses. Offsets are absolute within the buffer;
 * a read that does not fit throws a {@link FormatException} naming the structure, the offset, the bytes needed and
 * the bytes available, never an {@link IndexOutOfBoundsException}.
 *
 * <pre>{@code
 * LeReader r = LeReader.of("SYSTEM", bytes);
 * int sig = r.u32(0, "base block signature");
 * }</pre>
 */
public final class LeReader {

    private final String source;
    private final ByteBuffer buffer;
    /** Where this reader's offset 0 is in {@link #buffer}; a {@link #window} shares its parent's buffer. */
    private final int start;
    private final int size;
    private final long baseOffset;

    private LeReader(String source, ByteBuffer buffer, int start, int size, long baseOffset) {
        this.source = source;
        this.buffer = buffer;
        this.start = start;
        this.size = size;
        this.baseOffset = baseOffset;
    }

    private LeReader(String source, ByteBuffer buffer, long baseOffset) {
        this(source, buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN), 0, buffer.limit(), baseOffset);
    }

    /**
     * @param source a name for error messages
     * @param data   the bytes
     * @return a reader over all of {@code data}
     */
    public static LeReader of(String source, byte[] data) {
        return new LeReader(source, ByteBuffer.wrap(data), 0);
    }

    /**
     * @param source     a name for error messages
     * @param buffer     the bytes from position 0 to limit (a mapped file works: nothing is copied)
     * @param baseOffset what offset 0 of the buffer is in the original input, for error messages
     * @return a reader over the buffer
     */
    public static LeReader of(String source, ByteBuffer buffer, long baseOffset) {
        return new LeReader(source, buffer, baseOffset);
    }

    /** @return the name used in error messages */
    public String source() {
        return source;
    }

    /** @return the number of readable bytes */
    public int size() {
        return size;
    }

    /**
     * A reader over part of this one, sharing its bytes (no copy, no new buffer: cheap enough to make one per
     * record of a large file); its offsets start at 0 and its errors still name offsets in the original input.
     *
     * @param offset    where the part starts
     * @param length    how many bytes it has
     * @param structure what the part holds, for the error message
     * @return the reader over {@code [offset, offset + length)}
     * @throws FormatException unless the part lies inside this reader
     */
    public LeReader window(int offset, int length, String structure) throws FormatException {
        check(offset, length, structure);
        return new LeReader(source, buffer, start + offset, length, baseOffset + offset);
    }

    /**
     * @param offset    where
     * @param structure what is being read, for the error message
     * @return the unsigned byte
     * @throws FormatException if the byte is beyond the end
     */
    public int u8(int offset, String structure) throws FormatException {
        check(offset, 1, structure);
        return buffer.get(start + offset) & 0xFF;
    }

    /**
     * @param offset    where
     * @param structure what is being read
     * @return the unsigned 16-bit value
     * @throws FormatException if it does not fit
     */
    public int u16(int offset, String structure) throws FormatException {
        check(offset, 2, structure);
        return buffer.getShort(start + offset) & 0xFFFF;
    }

    /**
     * @param offset    where
     * @param structure what is being read
     * @return the 32-bit value (callers that need it unsigned use {@link #u32AsLong})
     * @throws FormatException if it does not fit
     */
    public int u32(int offset, String structure) throws FormatException {
        check(offset, 4, structure);
        return buffer.getInt(start + offset);
    }

    /**
     * @param offset    where
     * @param structure what is being read
     * @return the unsigned 32-bit value
     * @throws FormatException if it does not fit
     */
    public long u32AsLong(int offset, String structure) throws FormatException {
        return u32(offset, structure) & 0xFFFFFFFFL;
    }

    /**
     * @param offset    where
     * @param structure what is being read
     * @return the 64-bit value
     * @throws FormatException if it does not fit
     */
    public long u64(int offset, String structure) throws FormatException {
        check(offset, 8, structure);
        return buffer.getLong(start + offset);
    }

    /**
     * @param offset    where
     * @param length    how many bytes
     * @param structure what is being read
     * @return a copy of the bytes
     * @throws FormatException if they do not fit
     */
    public byte[] bytes(int offset, int length, String structure) throws FormatException {
        check(offset, length, structure);
        byte[] out = new byte[length];
        buffer.get(start + offset, out);
        return out;
    }

    /**
     * @param offset    where the range starts
     * @param length    how many bytes it needs
     * @param structure what the range holds
     * @throws FormatException unless {@code [offset, offset + length)} lies inside the buffer
     */
    public void check(int offset, int length, String structure) throws FormatException {
        if (offset < 0 || length < 0 || (long) offset + length > size) {
            long available = offset < 0 || offset > size ? 0 : size - offset;
            throw corrupt(offset, structure + " needs " + length + " bytes but " + available + " remain");
        }
    }

    /**
     * @param offset  where, relative to this reader
     * @param message what is wrong
     * @return a {@link FormatException.Kind#CORRUPT} exception at that place
     */
    public FormatException corrupt(long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, baseOffset + offset, message);
    }
}
