package dev.patchchain.formats.pe;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The untrusted file as bounded positional reads: each read names its structure, is checked against the file size
 * before anything is allocated, and comes back as a {@link LeReader} whose error offsets are file offsets.
 */
final class PeInput {

    private final SeekableByteChannel channel;
    private final String source;
    private final long size;

    PeInput(SeekableByteChannel channel, String source) throws IOException {
        this.channel = channel;
        this.source = source;
        this.size = channel.size();
    }

    String source() {
        return source;
    }

    long size() {
        return size;
    }

    /**
     * @param offset    file offset of the structure
     * @param length    its length in bytes (callers bound it before calling)
     * @param structure what it is, for the error message
     * @return a reader over exactly those bytes
     * @throws FormatException if the range is not inside the file
     */
    LeReader read(long offset, int length, String structure) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            long available = offset < 0 || offset > size ? 0 : size - offset;
            throw corrupt(offset, structure + " needs " + length + " bytes but " + available + " remain in the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw corrupt(offset + buffer.position(), structure + " ends early: the file shrank while being read");
            }
        }
        buffer.flip();
        return LeReader.of(source, buffer, offset);
    }

    FormatException corrupt(long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, offset, message);
    }

    FormatException notPe(long offset, String message) {
        return new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, offset, message);
    }

    FormatException unsupported(long offset, String message) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, source, offset, message);
    }
}
