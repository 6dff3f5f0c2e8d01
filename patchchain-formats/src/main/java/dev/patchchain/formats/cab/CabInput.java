package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The untrusted cabinet as bounded positional reads, from a channel (a file on disk, never read whole) or from bytes
 * (an inner cabinet already extracted). Every read is checked against the size before anything is allocated and
 * comes back as a {@link LeReader} whose error offsets are cabinet offsets.
 */
final class CabInput {

    private final String source;
    private final SeekableByteChannel channel;
    private final ByteBuffer bytes;
    private final long size;

    private CabInput(String source, SeekableByteChannel channel, ByteBuffer bytes, long size) {
        this.source = source;
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
    }

    static CabInput of(SeekableByteChannel channel, String source) throws IOException {
        return new CabInput(source, channel, null, channel.size());
    }

    static CabInput of(byte[] data, String source) {
        return new CabInput(source, null, ByteBuffer.wrap(data), data.length);
    }

    String source() {
        return source;
    }

    long size() {
        return size;
    }

    /**
     * @param offset    cabinet offset of the structure
     * @param length    its length (callers bound it first)
     * @param structure what it is, for the error message
     * @return a reader over exactly those bytes
     * @throws FormatException if the range is not inside the cabinet
     */
    LeReader read(long offset, int length, String structure) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            long available = offset < 0 || offset > size ? 0 : size - offset;
            throw corrupt(offset, structure + " needs " + length + " bytes but " + available
                    + " remain in the cabinet");
        }
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

    /**
     * @param offset    where a NUL-terminated string starts
     * @param maxBytes  the longest it may be, terminator included
     * @param structure what it is
     * @return its bytes, without the terminator
     * @throws FormatException if there is no terminator within {@code maxBytes} or the cabinet ends first
     */
    byte[] cString(long offset, int maxBytes, String structure) throws IOException {
        int length = (int) Math.min(maxBytes, Math.max(0, size - offset));
        LeReader r = read(offset, length, structure);
        for (int i = 0; i < length; i++) {
            if (r.u8(i, structure) == 0) {
                return r.bytes(0, i, structure);
            }
        }
        throw corrupt(offset, structure + " has no terminating NUL within " + maxBytes + " bytes");
    }

    FormatException corrupt(long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, offset, message);
    }

    FormatException unsupported(long offset, String message) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, source, offset, message);
    }
}
