package dev.patchchain.formats.io;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only {@link SeekableByteChannel} over bytes, e.g. a file expanded from a cabinet, for the PE reader. It
 * counts the bytes handed out and can hand them out in small pieces, as a slow or short-reading channel would.
 */
public final class BytesChannel implements SeekableByteChannel {

    private final byte[] data;
    private final int maxPerRead;
    private long position;
    private long bytesRead;
    private boolean open = true;

    /** @param data the bytes, not copied */
    public BytesChannel(byte[] data) {
        this(data, Integer.MAX_VALUE);
    }

    /**
     * @param data       the bytes, not copied
     * @param maxPerRead at most this many bytes per {@link #read} call
     */
    public BytesChannel(byte[] data, int maxPerRead) {
        this.data = data;
        this.maxPerRead = maxPerRead;
    }

    /** @return how many bytes {@link #read} has handed out so far */
    public long bytesRead() {
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
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
