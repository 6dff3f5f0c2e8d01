package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.time.Instant;

/**
 * The base block (file header) of a primary file or a transaction log, as declared: nothing here is trusted yet.
 * Offsets are from the start of the file; see {@code docs/formats/regf.md#base-block}.
 */
record BaseBlock(int primarySequence, int secondarySequence, long lastWrittenRaw, int majorVersion,
        int minorVersion, int fileType, int fileFormat, int rootCell, int hiveBinsSize, int clusteringFactor,
        int storedChecksum, int computedChecksum) {

    /** The base block's size in a primary file; hive bins data starts here. */
    static final int SIZE = 4096;
    /** The part of a base block a transaction log keeps (its first sector). */
    static final int LOG_SIZE = 512;
    static final int SIGNATURE = 0x66676572; // "regf"
    static final int PRIMARY_SEQUENCE = 4;
    static final int SECONDARY_SEQUENCE = 8;
    static final int LAST_WRITTEN = 12;
    static final int MAJOR_VERSION = 20;
    static final int MINOR_VERSION = 24;
    static final int FILE_TYPE = 28;
    static final int FILE_FORMAT = 32;
    static final int ROOT_CELL = 36;
    static final int HIVE_BINS_SIZE = 40;
    static final int CLUSTERING_FACTOR = 44;
    /** Windows 10 KTM flags, copied from and to log entries. */
    static final int FLAGS = 144;
    /** XOR-32 of the 508 bytes before it. */
    static final int CHECKSUM = 508;

    static final int TYPE_PRIMARY = 0;
    static final int TYPE_LOG_OLD = 1;
    static final int TYPE_LOG_NEW = 6;

    /**
     * @param r      the file
     * @param offset where the base block starts (0, except in tests)
     * @return the base block as declared
     * @throws FormatException NOT_THIS_FORMAT without the {@code regf} signature, CORRUPT if it is short
     */
    static BaseBlock read(LeReader r, int offset) throws FormatException {
        if (r.size() < offset + 4 || r.u32(offset, "base block signature") != SIGNATURE) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, r.source(), offset,
                    "no regf signature: not a Windows NT registry hive");
        }
        r.check(offset, LOG_SIZE, "base block");
        return new BaseBlock(r.u32(offset + PRIMARY_SEQUENCE, "primary sequence number"),
                r.u32(offset + SECONDARY_SEQUENCE, "secondary sequence number"),
                r.u64(offset + LAST_WRITTEN, "last written timestamp"),
                r.u32(offset + MAJOR_VERSION, "major version"), r.u32(offset + MINOR_VERSION, "minor version"),
                r.u32(offset + FILE_TYPE, "file type"), r.u32(offset + FILE_FORMAT, "file format"),
                r.u32(offset + ROOT_CELL, "root cell offset"), r.u32(offset + HIVE_BINS_SIZE, "hive bins data size"),
                r.u32(offset + CLUSTERING_FACTOR, "clustering factor"), r.u32(offset + CHECKSUM, "checksum"),
                checksum(r, offset));
    }

    /**
     * XOR-32 of the first 508 bytes; 0 becomes 1 and -1 becomes -2 (libregf, "file header").
     *
     * @param r      the bytes
     * @param offset where the base block starts
     * @return the checksum the base block should carry
     * @throws FormatException if fewer than 508 bytes remain
     */
    static int checksum(LeReader r, int offset) throws FormatException {
        int c = 0;
        for (int i = 0; i < CHECKSUM; i += 4) {
            c ^= r.u32(offset + i, "base block");
        }
        return c == 0 ? 1 : c == -1 ? -2 : c;
    }

    boolean checksumValid() {
        return storedChecksum == computedChecksum;
    }

    boolean sequencesMatch() {
        return primarySequence == secondarySequence;
    }

    Instant lastWritten() {
        return FileTime.toInstant(lastWrittenRaw);
    }
}
