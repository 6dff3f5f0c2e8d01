package dev.patchchain.formats.regf;

import java.nio.file.Path;
import java.util.List;

/**
 * What replaying the transaction logs of a dirty hive did.
 *
 * @param recovered the recovered hive (base block and hive bins), or {@code null} if nothing was applied
 * @param logs      the logs whose data was applied, in order
 * @param sequence  the sequence number the hive was recovered up to
 * @param why       when nothing was applied: why not
 * @param warnings  what was skipped on the way (a bad log, a bogus entry, a gap in sequence numbers)
 */
record LogRecovery(byte[] recovered, List<Path> logs, long sequence, String why, List<String> warnings) {

    static final LogRecovery NONE = notApplied("logs not read", List.of());

    LogRecovery {
        logs = List.copyOf(logs);
        warnings = List.copyOf(warnings);
    }

    static LogRecovery notApplied(String why, List<String> warnings) {
        return new LogRecovery(null, List.of(), -1, why, warnings);
    }

    boolean applied() {
        return recovered != null;
    }
}
