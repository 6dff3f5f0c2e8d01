package dev.patchchain.formats.io;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * An untrusted container file as bounded positional reads, from a channel (a file on disk, never read whole) or from
 * bytes (a container already extracted from another). Every range is checked against the size before anything is
 * allocated; what is read comes back as a {@link LeReader} whose error offsets are file offsets. Cabinets and WIMs
 * are read through it.
 *
 * <pre>{@code
 * RangeInput in = RangeInput.of(channel, "KB123.msu", "cabinet");
 * LeReader header = in.read(0, 36, "CFHEADER");   // "CFHEADER needs 36 bytes at 0x0 but 20 remain in the cabinet"
 * }</pre>
 */
public final class RangeInput {

    private final String source;
    private final String container;
    private final SeekableByteChannel channel;
    private final ByteBuffer bytes;
    private final long size;

    private RangeInput(String source, String container, SeekableByteChannel channel, ByteBuffer bytes, long size) {
        this.source = source;
        this.container = container;
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
    }

    /**
     * @param channel   the open file (not closed here)
     * @param source    its name in error messages
     * @param container what it is in error messages, e.g. {@code cabinet}
     * @return the input
     * @throws IOException if its size cannot be read
     */
    public static RangeInput of(SeekableByteChannel channel, String source, String container) throws IOException {
        return new RangeInput(source, container, channel, null, channel.size());
    }

    /**
     * @param data      the container's bytes (not copied)
     * @param source    its name in error messages
     * @param container what it is in error messages
     * @return the input
     */
    public static RangeInput of(byte[] data, String source, String container) {
        return new RangeInput(source, container, null, ByteBuffer.wrap(data), data.length);
    }

    /** @return the name errors give */
    public String source() {
        return source;
    }

    /** @return the size in bytes */
    public long size() {
        return size;
    }

    /**
     * @param offset    file offset of the range
     * @param length    its length (callers bound it first)
     * @param structure what it is, for the error message
     * @return a reader over exactly those bytes
     * @throws IOException a {@link FormatException} if the range is not inside the file, or if reading fails
     */
    public LeReader read(long offset, int length, String structure) throws IOException {
        requireInside(offset, length, structure);
        if (bytes != null) {
            return LeReader.of(source, bytes.slice((int) offset, length), offset);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        fill(buffer, offset, structure);
        buffer.flip();
        return LeReader.of(source, buffer, offset);
    }

    /**
     * Fills {@code out[0, length)} with the bytes at {@code offset}.
     *
     * @param offset    file offset
     * @param out       where they go
     * @param length    how many
     * @param structure what they are, for the error message
     * @throws IOException a {@link FormatException} if the range is not inside the file, or if reading fails
     */
    public void readFully(long offset, byte[] out, int length, String structure) throws IOException {
        requireInside(offset, length, structure);
        if (bytes != null) {
            bytes.get((int) offset, out, 0, length);
            return;
        }
        fill(ByteBuffer.wrap(out, 0, length), offset, structure);
    }

    /**
     * @param offset    file offset of the range
     * @param length    its length
     * @param structure what it is, for the error message
     * @throws FormatException if the range is not inside the file
     */
    public void requireInside(long offset, long length, String structure) throws FormatException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            long available = offset < 0 || offset > size ? 0 : size - offset;
            throw corrupt(Math.max(offset, -1), structure + " needs " + length + " bytes at 0x"
                    + Long.toHexString(offset) + " but " + available + " remain in the " + container);
        }
    }

    /**
     * @param offset  where
     * @param message what is wrong
     * @return a {@link FormatException.Kind#CORRUPT} error naming this input
     */
    public FormatException corrupt(long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, offset, message);
    }

    /**
     * @param offset  where
     * @param message what is not supported
     * @return a {@link FormatException.Kind#UNSUPPORTED} error naming this input
     */
    public FormatException unsupported(long offset, String message) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, source, offset, message);
    }

    private void fill(ByteBuffer buffer, long offset, String structure) throws IOException {
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw corrupt(offset + buffer.position(), structure + " ends early: the file shrank while read");
            }
        }
    }
}
