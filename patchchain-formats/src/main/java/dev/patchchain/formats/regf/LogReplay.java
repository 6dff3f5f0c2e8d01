package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovers a dirty hive in memory from its transaction logs: loads and checks the logs, then hands them to the
 * new-format ({@link NewLogReplay}) or old-format ({@link OldLogReplay}) replay. The files are only read. See
 * {@code docs/formats/regf.md#log-replay}.
 */
final class LogReplay {

    private LogReplay() {
    }

    /**
     * @param primary the primary file, mapped
     * @param base    its base block
     * @param source  its name, for messages
     * @param paths   its logs, LOG1, LOG2, LOG
     * @param leniency strict or lenient (a damaged log is skipped with a warning in both modes)
     * @return what was applied, with the recovered hive
     * @throws IOException if a log cannot be read
     */
    static LogRecovery replay(ByteBuffer primary, BaseBlock base, String source, List<Path> paths, Leniency leniency)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        List<TransactionLog> logs = new ArrayList<>();
        for (Path path : paths) {
            byte[] bytes = Files.readAllBytes(path);
            String name = String.valueOf(path.getFileName());
            if (bytes.length < BaseBlock.LOG_SIZE) {
                continue; // an empty .LOG (or LOG2) is normal: the other log holds the data
            }
            LeReader r = LeReader.of(name, bytes);
            try {
                BaseBlock logBase = BaseBlock.read(r, 0);
                if (!logBase.checksumValid()) {
                    throw r.corrupt(BaseBlock.CHECKSUM, "log base block checksum is bad");
                }
                if (logBase.fileType() != BaseBlock.TYPE_LOG_OLD && logBase.fileType() != BaseBlock.TYPE_LOG_NEW) {
                    throw r.corrupt(BaseBlock.FILE_TYPE, "file type " + logBase.fileType() + " is not a log (1 or 6)");
                }
                logs.add(new TransactionLog(path, r, logBase));
            } catch (FormatException bad) {
                warnings.add("transaction log skipped: " + bad.getMessage());
            }
        }
        if (logs.isEmpty()) {
            return LogRecovery.notApplied(paths.isEmpty() ? "no .LOG1/.LOG2/.LOG file beside " + source
                    : "no usable transaction log beside " + source, warnings);
        }
        List<TransactionLog> newLogs = logs.stream().filter(TransactionLog::newFormat).toList();
        if (!newLogs.isEmpty()) {
            return NewLogReplay.replay(primary, base, newLogs, warnings);
        }
        return OldLogReplay.replay(primary, base, logs, warnings);
    }

    /**
     * @param primary the primary file
     * @param size    the size of the recovered hive
     * @return a copy of the primary file's first {@code size} bytes (zero-padded)
     */
    static byte[] copy(ByteBuffer primary, long size) {
        byte[] out = new byte[(int) size];
        primary.get(0, out, 0, (int) Math.min(size, primary.limit()));
        return out;
    }

    /**
     * Makes the recovered base block clean: both sequence numbers set, the hive bins size, file type 0, checksum.
     *
     * @param hive      the recovered hive
     * @param sequence  the sequence number reached
     * @param binsSize  the hive bins data size
     * @throws FormatException never in practice (the hive holds a base block)
     */
    static void seal(byte[] hive, int sequence, int binsSize) throws FormatException {
        ByteBuffer b = ByteBuffer.wrap(hive).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(BaseBlock.PRIMARY_SEQUENCE, sequence);
        b.putInt(BaseBlock.SECONDARY_SEQUENCE, sequence);
        b.putInt(BaseBlock.HIVE_BINS_SIZE, binsSize);
        b.putInt(BaseBlock.FILE_TYPE, BaseBlock.TYPE_PRIMARY);
        b.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(LeReader.of("recovered", hive), 0));
    }
}
