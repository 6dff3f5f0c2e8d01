package dev.patchchain.formats.regf;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How {@link HiveFileUpdate} writes: where the backup goes, whether a dirty hive may be written after its logs are
 * replayed, the clock for timestamps, and a hook for failure injection.
 *
 * <pre>{@code
 * HiveUpdateOptions.DEFAULT.withBackupDir(Path.of("/backups"));
 * HiveUpdateOptions.DEFAULT.recoveringDirtyHive();   // replay logs, write the recovered image, move the logs away
 * }</pre>
 *
 * @param backupDir       the backup's directory, or {@code null} for the hive's own directory
 * @param recoverFromLogs a dirty hive is written as recovered from its logs (else it is refused)
 * @param discardLogs     after writing a recovered hive, move its now stale logs next to the backup (required with
 *                        {@code recoverFromLogs}: Windows must not see them as the new hive's logs)
 * @param clock           the source of the last written timestamps and the backup's name
 * @param hook            called before each step
 */
public record HiveUpdateOptions(Path backupDir, boolean recoverFromLogs, boolean discardLogs, Clock clock,
        HiveUpdateHook hook) {

    /** Backup beside the hive, dirty hives refused, system clock, no hook. */
    public static final HiveUpdateOptions DEFAULT = new HiveUpdateOptions(null, false, false, Clock.systemUTC(),
            HiveUpdateHook.NONE);

    /** Checks the clock and the hook. */
    public HiveUpdateOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hook, "hook");
    }

    /**
     * @param dir where backups go
     * @return these options with that backup directory
     */
    public HiveUpdateOptions withBackupDir(Path dir) {
        return new HiveUpdateOptions(dir, recoverFromLogs, discardLogs, clock, hook);
    }

    /**
     * @param recover  write a dirty hive as recovered from its logs
     * @param discard  move the stale logs next to the backup afterwards
     * @return these options with those two choices
     */
    public HiveUpdateOptions withLogs(boolean recover, boolean discard) {
        return new HiveUpdateOptions(backupDir, recover, discard, clock, hook);
    }

    /** @return these options, writing a dirty hive recovered from its logs, which are then moved away */
    public HiveUpdateOptions recoveringDirtyHive() {
        return withLogs(true, true);
    }

    /**
     * @param c the clock
     * @return these options with that clock
     */
    public HiveUpdateOptions withClock(Clock c) {
        return new HiveUpdateOptions(backupDir, recoverFromLogs, discardLogs, c, hook);
    }

    /**
     * @param h the hook
     * @return these options with that hook
     */
    public HiveUpdateOptions withHook(HiveUpdateHook h) {
        return new HiveUpdateOptions(backupDir, recoverFromLogs, discardLogs, clock, h);
    }
}
