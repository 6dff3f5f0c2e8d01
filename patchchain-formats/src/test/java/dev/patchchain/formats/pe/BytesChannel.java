package dev.patchchain.formats.pe;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a byte array that counts the bytes read and may hand them out in small pieces. */
final class BytesChannel implements SeekableByteChannel {

    private final byte[] data;
    private final int maxPerRead;
    private long position;
    private long bytesRead;

    BytesChannel(byte[] data) {
        this(data, Integer.MAX_VALUE);
    }

    BytesChannel(byte[] data, int maxPerRead) {
        this.data = data;
        this.maxPerRead = maxPerRead;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= data.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(dst.remaining(), maxPerRead), data.length - position);
        dst.put(data, (int) position, n);
        position += n;
        bytesRead += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
