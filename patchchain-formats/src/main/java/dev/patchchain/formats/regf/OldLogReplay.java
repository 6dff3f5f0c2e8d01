package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays an old-format log (before Windows 8.1): the first log whose base block has equal sequence numbers and
 * the primary file's last written timestamp is applicable; each bit set in its dirty vector ({@code DIRT}) names a
 * 512-byte page of the hive bins data, stored in order after the vector. See
 * {@code docs/formats/regf.md#log-replay}.
 */
final class OldLogReplay {

    static final int DIRT_SIGNATURE = 0x54524944; // "DIRT"
    static final int DIRTY_VECTOR = 512;
    static final int PAGE = 512;

    private OldLogReplay() {
    }

    static LogRecovery replay(ByteBuffer primary, BaseBlock base, List<TransactionLog> logs, List<String> warnings)
            throws FormatException {
        for (TransactionLog log : logs) {
            // With a bad primary base block the spec compares the log with the first hive bin's timestamp; Windows
            // does not always keep that backup in step (yarp's BadBaseBlockHive), so the log's base block, the only
            // checksummed one left, is trusted as long as its own sequence numbers match.
            if (!log.base().sequencesMatch()
                    || base.checksumValid() && log.base().lastWrittenRaw() != base.lastWrittenRaw()) {
                warnings.add("old-format log " + log.path().getFileName()
                        + " does not apply (sequence numbers or timestamp differ from the hive)");
                continue;
            }
            try {
                return apply(primary, base, log, warnings);
            } catch (FormatException bad) {
                warnings.add("old-format log " + log.path().getFileName() + " skipped: " + bad.getMessage());
            }
        }
        return LogRecovery.notApplied("no applicable old-format log", warnings);
    }

    private static LogRecovery apply(ByteBuffer primary, BaseBlock base, TransactionLog log, List<String> warnings)
            throws FormatException {
        LeReader r = log.reader();
        if (r.u32(DIRTY_VECTOR, "dirty vector signature") != DIRT_SIGNATURE) {
            throw r.corrupt(DIRTY_VECTOR, "dirty vector: no DIRT signature");
        }
        int binsSize = log.base().hiveBinsSize();
        if (binsSize <= 0 || binsSize % Cells.HBIN_ALIGNMENT != 0) {
            throw r.corrupt(BaseBlock.HIVE_BINS_SIZE, "hive bins data size " + binsSize + " is not a multiple of 4096");
        }
        int bitmapBytes = binsSize / PAGE / 8;
        int bitmap = DIRTY_VECTOR + 4;
        r.check(bitmap, bitmapBytes, "dirty vector bitmap");
        int pages = (bitmap + bitmapBytes + PAGE - 1) / PAGE * PAGE;
        int dirty = 0;
        int lastDirtyBit = -1;
        for (int i = 0; i < bitmapBytes; i++) {
            int bits = r.u8(bitmap + i, "dirty vector bitmap");
            dirty += Integer.bitCount(bits);
            lastDirtyBit = bits == 0 ? lastDirtyBit : 8 * i + 31 - Integer.numberOfLeadingZeros(bits);
        }
        r.check(pages, dirty * PAGE, dirty + " dirty pages");
        // Memory stays bounded by the input: the recovered hive may not outgrow both the primary and the pages.
        long backed = Math.max(primary.limit(), BaseBlock.SIZE + (long) (lastDirtyBit + 1) * PAGE);
        if (BaseBlock.SIZE + (long) binsSize > backed) {
            throw r.corrupt(BaseBlock.HIVE_BINS_SIZE, "hive bins data size " + binsSize
                    + " is backed neither by the primary file nor by dirty pages");
        }
        byte[] hive = LogReplay.copy(primary, BaseBlock.SIZE + (long) binsSize);
        if (!base.checksumValid()) {
            System.arraycopy(r.bytes(0, BaseBlock.LOG_SIZE, "log base block"), 0, hive, 0, BaseBlock.LOG_SIZE);
            warnings.add("base block recovered from " + log.path().getFileName());
        }
        int k = 0;
        for (int bit = 0; bit < bitmapBytes * 8; bit++) {
            if ((r.u8(bitmap + bit / 8, "dirty vector bitmap") >>> (bit % 8) & 1) != 0) {
                System.arraycopy(r.bytes(pages + k * PAGE, PAGE, "dirty page"), 0, hive, BaseBlock.SIZE + bit * PAGE,
                        PAGE);
                k++;
            }
        }
        LogReplay.seal(hive, log.base().primarySequence(), binsSize);
        return new LogRecovery(hive, List.of(log.path()), log.base().primarySequence() & 0xFFFFFFFFL, null,
                new ArrayList<>(warnings));
    }
}
