package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * One new-format log entry ({@code HvLE}) whose hashes held. Offsets are from the start of the entry; see
 * {@code docs/formats/regf.md#log-entry}.
 *
 * @param offset       where the entry starts in its log file
 * @param flags        the base block flags to restore
 * @param sequence     the sequence number the hive has after this entry
 * @param hiveBinsSize the hive bins data size after this entry
 * @param pageOffsets  each dirty page's offset, relative to the hive bins data
 * @param pageSizes    each dirty page's size
 * @param pagesStart   where the first dirty page's bytes start in the log file
 */
record LogEntry(int offset, int flags, int sequence, int hiveBinsSize, int[] pageOffsets, int[] pageSizes,
        int pagesStart) {

    static final int SIGNATURE = 0x454c7648; // "HvLE"
    static final int SIZE = 4;
    static final int FLAGS = 8;
    static final int SEQUENCE = 12;
    static final int HIVE_BINS_SIZE = 16;
    static final int PAGE_COUNT = 20;
    static final int HASH_1 = 24;
    static final int HASH_2 = 32;
    static final int HEADER_SIZE = 40;
    static final int PAGE_REFERENCE_SIZE = 8;
    static final int ALIGNMENT = 512;

    /**
     * @param log the log file
     * @param at  where an entry may start
     * @return the entry
     * @throws FormatException if there is no entry here or it fails a check (that ends the log's entries)
     */
    static LogEntry read(LeReader log, int at) throws FormatException {
        if (log.u32(at, "log entry signature") != SIGNATURE) {
            throw log.corrupt(at, "log entry: no HvLE signature");
        }
        int size = log.u32(at + SIZE, "log entry size");
        if (size < HEADER_SIZE || size % ALIGNMENT != 0 || size > log.size() - at) {
            throw log.corrupt(at + SIZE, "log entry size " + size + " is not a multiple of 512 within the "
                    + (log.size() - at) + " bytes left");
        }
        int binsSize = log.u32(at + HIVE_BINS_SIZE, "log entry hive bins data size");
        if (binsSize <= 0 || binsSize % Cells.HBIN_ALIGNMENT != 0) {
            throw log.corrupt(at + HIVE_BINS_SIZE, "log entry hive bins data size " + binsSize
                    + " is not a positive multiple of 4096");
        }
        long hash1 = Marvin32.hash(log, at + HEADER_SIZE, size - HEADER_SIZE, Marvin32.LOG_SEED);
        long hash2 = Marvin32.hash(log, at, HASH_2, Marvin32.LOG_SEED);
        if (hash1 != log.u64(at + HASH_1, "hash-1") || hash2 != log.u64(at + HASH_2, "hash-2")) {
            throw log.corrupt(at, "log entry hash mismatch (Marvin32)");
        }
        long count = log.u32AsLong(at + PAGE_COUNT, "log entry dirty page count");
        long pageBytes = size - HEADER_SIZE - count * PAGE_REFERENCE_SIZE;
        if (pageBytes < 0) {
            throw log.corrupt(at + PAGE_COUNT, "log entry: " + count + " dirty page references exceed its size");
        }
        int[] offsets = new int[(int) count];
        int[] sizes = new int[(int) count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int ref = at + HEADER_SIZE + i * PAGE_REFERENCE_SIZE;
            offsets[i] = log.u32(ref, "dirty page offset");
            sizes[i] = log.u32(ref + 4, "dirty page size");
            total += sizes[i] & 0xFFFFFFFFL;
            if ((offsets[i] & 0xFFFFFFFFL) + (sizes[i] & 0xFFFFFFFFL) > binsSize || total > pageBytes) {
                throw log.corrupt(ref, "dirty page " + i + " (offset 0x" + Integer.toHexString(offsets[i])
                        + ", size " + Integer.toUnsignedString(sizes[i])
                        + ") lies outside the hive bins data or the entry");
            }
        }
        return new LogEntry(at, log.u32(at + FLAGS, "log entry flags"), log.u32(at + SEQUENCE, "log entry sequence"),
                binsSize, offsets, sizes, (int) (at + HEADER_SIZE + count * PAGE_REFERENCE_SIZE));
    }
}
