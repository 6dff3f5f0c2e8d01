package dev.patchchain.platform.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Where {@link SafeQueueWrite} keeps its backups and audit log, and what it records about itself.
 *
 * <pre>{@code
 * ApplyOptions options = new ApplyOptions(Path.of("/backups"), "chain", "0.1.0", "host1", Clock.systemUTC(),
 *         ApplyHook.NONE);
 * options.auditLog();   // /backups/patchchain-audit.jsonl
 * }</pre>
 *
 * @param backupDir   the directory for the {@code .reg} and JSON backups and the audit log (created if missing)
 * @param action      what the write is ({@code chain}, {@code add}, {@code remove}, {@code undo})
 * @param toolVersion patchchain's version
 * @param host        the machine's name
 * @param clock       the time recorded and used in file names
 * @param hook        called before each step
 */
public record ApplyOptions(Path backupDir, String action, String toolVersion, String host, Clock clock,
                           ApplyHook hook) {

    /** The audit log's file name in the backup directory. */
    public static final String AUDIT_LOG = "patchchain-audit.jsonl";

    /** Checks the components. */
    public ApplyOptions {
        Objects.requireNonNull(backupDir, "backupDir");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hook, "hook");
    }

    /** @return the audit log: JSON lines in the backup directory */
    public Path auditLog() {
        return backupDir.resolve(AUDIT_LOG);
    }

    /**
     * @param h the hook
     * @return these options with that hook
     */
    public ApplyOptions withHook(ApplyHook h) {
        return new ApplyOptions(backupDir, action, toolVersion, host, clock, h);
    }
}
