package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A hive file's bytes being edited in memory: bounds-checked reads through {@link LeReader}, little-endian writes
 * that record the file ranges they touch, and growth of the hive bins data. Offsets named {@code abs} are file
 * offsets; cell references are relative to the hive bins data (file offset 4096).
 */
final class HiveImage {

    private final String source;
    private byte[] bytes;
    private int hiveBinsSize;
    private final List<ByteRange> changes = new ArrayList<>();

    HiveImage(byte[] hive, String source, int hiveBinsSize) {
        this.bytes = hive.clone();
        this.source = source;
        this.hiveBinsSize = hiveBinsSize;
    }

    String source() {
        return source;
    }

    int hiveBinsSize() {
        return hiveBinsSize;
    }

    static long abs(int ref) {
        return BaseBlock.SIZE + (ref & 0xFFFFFFFFL);
    }

    LeReader reader() {
        return LeReader.of(source, bytes);
    }

    int u16(long abs, String what) throws FormatException {
        return reader().u16((int) abs, what);
    }

    int u32(long abs, String what) throws FormatException {
        return reader().u32((int) abs, what);
    }

    byte[] bytes(long abs, int length, String what) throws FormatException {
        return reader().bytes((int) abs, length, what);
    }

    void put16(long abs, int v) {
        put(abs, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    void put32(long abs, int v) {
        put(abs, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    void put64(long abs, long v) {
        put32(abs, (int) v);
        put32(abs + 4, (int) (v >>> 32));
    }

    void put(long abs, byte[] data) {
        System.arraycopy(data, 0, bytes, (int) abs, data.length);
        changes.add(new ByteRange(abs, data.length));
    }

    /**
     * Makes room for a new hive bin at the end of the hive bins data (over any padding after it) and grows the
     * declared hive bins data size.
     *
     * @param binSize the new bin's size, a multiple of 4096
     * @return the new bin's offset relative to the hive bins data
     * @throws RefusedWriteException if the hive would pass the 2 GiB a hive can address
     */
    int appendBinSpace(int binSize) throws RefusedWriteException {
        int binOffset = hiveBinsSize;
        long end = (long) BaseBlock.SIZE + binOffset + binSize;
        if (end > Integer.MAX_VALUE - 8) {
            throw new RefusedWriteException(source + ": a new hive bin of " + binSize + " bytes would pass 2 GiB");
        }
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) end);
        }
        Arrays.fill(bytes, BaseBlock.SIZE + binOffset, (int) end, (byte) 0);
        changes.add(new ByteRange(BaseBlock.SIZE + binOffset, binSize));
        hiveBinsSize += binSize;
        put32(BaseBlock.HIVE_BINS_SIZE, hiveBinsSize);
        return binOffset;
    }

    /** @return the edited file */
    byte[] toByteArray() {
        return bytes.clone();
    }

    /** @return the ranges written, sorted and merged where they touch */
    List<ByteRange> changes() {
        List<ByteRange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingLong(ByteRange::offset));
        List<ByteRange> merged = new ArrayList<>();
        for (ByteRange r : sorted) {
            ByteRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.offset() <= last.end()) {
                merged.set(merged.size() - 1, new ByteRange(last.offset(),
                        Math.max(last.end(), r.end()) - last.offset()));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
