package dev.patchchain.testing.regf;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes transaction logs for hives made by {@link RegfBuilder}, so log replay can be tested without real logs.
 * A log entry carries the pages in which two versions of a hive differ: replaying it over the first version must
 * give the second.
 *
 * <pre>{@code
 * byte[] log1 = RegfLogBuilder.newFormat(dirty, new RegfLogBuilder.Step(4, dirty, version1));
 * byte[] log = RegfLogBuilder.oldFormat(dirty, version1);
 * }</pre>
 */
public final class RegfLogBuilder {

    private static final int BASE = 4096;
    private static final int SECTOR = 512;
    private static final int NEW_PAGE = 4096;
    private static final long MARVIN_SEED = 0x82EF4D887A4E55C5L;

    private RegfLogBuilder() {
    }

    /**
     * One new-format log entry.
     *
     * @param sequence the entry's sequence number
     * @param before   the hive the entry applies to
     * @param after    the hive after it
     */
    public record Step(int sequence, byte[] before, byte[] after) {
    }

    /**
     * @param primary the dirty primary file (its first sector becomes the log's base block)
     * @param steps   the log entries, in file order
     * @return a new-format ({@code HvLE}) log
     */
    public static byte[] newFormat(byte[] primary, Step... steps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(logBase(primary, 6));
        for (Step step : steps) {
            out.writeBytes(entry(step));
        }
        return out.toByteArray();
    }

    /**
     * @param primary the dirty primary file
     * @param after   the hive as the log should restore it (same hive bins size)
     * @return an old-format log: base block, {@code DIRT} bitmap of the differing 512-byte pages, the pages
     */
    public static byte[] oldFormat(byte[] primary, byte[] after) {
        byte[] base = logBase(primary, 1);
        int pages = (after.length - BASE) / SECTOR;
        byte[] bitmap = new byte[pages / 8];
        ByteArrayOutputStream dirty = new ByteArrayOutputStream();
        for (int p = 0; p < pages; p++) {
            int at = BASE + p * SECTOR;
            if (!Arrays.equals(primary, at, at + SECTOR, after, at, at + SECTOR)) {
                bitmap[p / 8] |= (byte) (1 << (p % 8));
                dirty.write(after, at, SECTOR);
            }
        }
        byte[] vector = new byte[(4 + bitmap.length + SECTOR - 1) / SECTOR * SECTOR];
        vector[0] = 'D';
        vector[1] = 'I';
        vector[2] = 'R';
        vector[3] = 'T';
        System.arraycopy(bitmap, 0, vector, 4, bitmap.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        out.writeBytes(vector);
        out.writeBytes(dirty.toByteArray());
        return out.toByteArray();
    }

    /**
     * The primary's first sector with the given file type and both sequence numbers set to the primary's secondary
     * one (as in yarp's logs: the first entry of a new log carries that number), and its checksum.
     */
    private static byte[] logBase(byte[] primary, int fileType) {
        byte[] base = Arrays.copyOf(primary, SECTOR);
        putInt(base, 4, getInt(base, 8));
        putInt(base, 28, fileType);
        putInt(base, 508, RegfBuilder.checksum(base));
        return base;
    }

    private static byte[] entry(Step step) {
        ByteArrayOutputStream refs = new ByteArrayOutputStream();
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        int count = 0;
        for (int at = BASE; at < step.after().length; at += NEW_PAGE) {
            if (at + NEW_PAGE > step.before().length
                    || !Arrays.equals(step.before(), at, at + NEW_PAGE, step.after(), at, at + NEW_PAGE)) {
                byte[] ref = new byte[8];
                putInt(ref, 0, at - BASE);
                putInt(ref, 4, NEW_PAGE);
                refs.writeBytes(ref);
                pages.write(step.after(), at, NEW_PAGE);
                count++;
            }
        }
        int size = 40 + refs.size() + pages.size();
        size = (size + SECTOR - 1) / SECTOR * SECTOR;
        byte[] e = new byte[size];
        e[0] = 'H';
        e[1] = 'v';
        e[2] = 'L';
        e[3] = 'E';
        putInt(e, 4, size);
        putInt(e, 12, step.sequence());
        putInt(e, 16, step.after().length - BASE);
        putInt(e, 20, count);
        System.arraycopy(refs.toByteArray(), 0, e, 40, refs.size());
        System.arraycopy(pages.toByteArray(), 0, e, 40 + refs.size(), pages.size());
        putLong(e, 24, marvin32(e, 40, size - 40));
        putLong(e, 32, marvin32(e, 0, 32));
        return e;
    }

    /** Marvin32 as the regf specification uses it: the two state words, low first. */
    static long marvin32(byte[] data, int offset, int length) {
        int p0 = (int) MARVIN_SEED;
        int p1 = (int) (MARVIN_SEED >>> 32);
        int at = offset;
        int end = offset + length;
        for (; end - at >= 4; at += 4) {
            p0 += getInt(data, at);
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 20) + p1;
            p1 = Integer.rotateLeft(p1, 9) ^ p0;
            p0 = Integer.rotateLeft(p0, 27) + p1;
            p1 = Integer.rotateLeft(p1, 19);
        }
        int last = 0x80 << (8 * (end - at));
        for (int i = 0; at + i < end; i++) {
            last |= (data[at + i] & 0xFF) << (8 * i);
        }
        p0 += last;
        for (int round = 0; round < 2; round++) {
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 20) + p1;
            p1 = Integer.rotateLeft(p1, 9) ^ p0;
            p0 = Integer.rotateLeft(p0, 27) + p1;
            p1 = Integer.rotateLeft(p1, 19);
        }
        return (p1 & 0xFFFFFFFFL) << 32 | (p0 & 0xFFFFFFFFL);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) v);
        putInt(b, at + 4, (int) (v >>> 32));
    }
}
