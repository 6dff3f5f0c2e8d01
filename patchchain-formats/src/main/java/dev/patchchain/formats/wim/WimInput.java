package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The untrusted WIM file as bounded positional reads, from a channel (a file on disk, never read whole) or from bytes
 * (a WIM expanded from an {@code .msu}). Every range is checked against the file's size before anything is allocated.
 */
final class WimInput {

    private final String source;
    private final SeekableByteChannel channel;
    private final ByteBuffer bytes;
    private final long size;

    private WimInput(String source, SeekableByteChannel channel, ByteBuffer bytes, long size) {
        this.source = source;
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
    }

    static WimInput of(SeekableByteChannel channel, String source) throws IOException {
        return new WimInput(source, channel, null, channel.size());
    }

    static WimInput of(byte[] data, String source) {
        return new WimInput(source, null, ByteBuffer.wrap(data), data.length);
    }

    String source() {
        return source;
    }

    long size() {
        return size;
    }

    /**
     * @param offset    file offset of the range
     * @param length    its length (callers bound it first)
     * @param structure what it is, for the error message
     * @return a reader over exactly those bytes, whose error offsets are file offsets
     * @throws FormatException if the range is not inside the file
     */
    LeReader read(long offset, int length, String structure) throws IOException {
        requireInside(offset, length, structure);
        if (bytes != null) {
            return LeReader.of(source, bytes.slice((int) offset, length), offset);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw corrupt(offset + buffer.position(), structure + " ends early: the file shrank while read");
            }
        }
        buffer.flip();
        return LeReader.of(source, buffer, offset);
    }

    /** Fills {@code out[0, length)} with the file's bytes at {@code offset}. */
    void readFully(long offset, byte[] out, int length, String structure) throws IOException {
        requireInside(offset, length, structure);
        if (bytes != null) {
            bytes.get((int) offset, out, 0, length);
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(out, 0, length);
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw corrupt(offset + buffer.position(), structure + " ends early: the file shrank while read");
            }
        }
    }

    void requireInside(long offset, long length, String structure) throws FormatException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            long available = offset < 0 || offset > size ? 0 : size - offset;
            throw corrupt(Math.max(offset, -1), structure + " needs " + length + " bytes at 0x"
                    + Long.toHexString(offset) + " but " + available + " remain in the file");
        }
    }

    FormatException corrupt(long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, offset, message);
    }

    FormatException unsupported(long offset, String message) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, source, offset, message);
    }
}
