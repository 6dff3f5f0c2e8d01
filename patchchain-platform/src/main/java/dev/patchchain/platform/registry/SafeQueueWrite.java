package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueState;
import dev.patchchain.core.registry.QueueValues;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way patchchain writes a queue: read (bytes and last write time) → edit → backup ({@code .reg} and
 * JSON record) → compare-and-swap (re-read, refuse if changed, write) → re-read and verify → append to the audit
 * log. A failure before the write leaves the registry as it was; the backup is on disk before anything is
 * written, so a failure after it is undone with {@link QueueBackup#restore()}. See {@code docs/apply.md}.
 *
 * <pre>{@code
 * ApplyOutcome done = new SafeQueueWrite(registry, options).run(read -> chained(read));
 * done.backup().map(QueueBackup::regFile);   // reg import it to go back by hand
 * }</pre>
 */
public final class SafeQueueWrite {

    private final QueueRegistry registry;
    private final ApplyOptions options;

    /**
     * @param registry where the queue is
     * @param options  backup directory, identity, clock, hook
     */
    public SafeQueueWrite(QueueRegistry registry, ApplyOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param edit what to do to the values read
     * @return what was done
     * @throws dev.patchchain.core.registry.ConcurrentChangeException if the queue changed since it was read
     * @throws IOException if a step fails, including verification
     */
    public ApplyOutcome run(QueueEdit edit) throws IOException {
        Instant time = options.clock().instant();
        options.hook().before(ApplyStep.READ);
        QueueState read = registry.read();
        options.hook().before(ApplyStep.EDIT);
        QueueEdit.Result result = edit.apply(read.values());
        QueueValues next = result.values();
        if (next.equals(read.values())) {
            return new ApplyOutcome(read.values(), read.values(), result.changes(), Optional.empty());
        }
        options.hook().before(ApplyStep.BACKUP);
        QueueBackup backup = QueueBackupFile.write(options.backupDir(), new QueueBackup(time, options.host(),
                options.toolVersion(), registry.location(), options.action(), read.lastWritten(), read.values(),
                next, null));
        options.hook().before(ApplyStep.WRITE);
        registry.compareAndSwap(read.values(), next);
        options.hook().before(ApplyStep.VERIFY);
        QueueValues written = registry.read().values();
        if (!written.equals(next)) {
            throw new IOException(registry.location() + ": verification failed: the queue reads back as sha256 "
                    + written.sha256() + ", not the " + next.sha256() + " written; the values before are in "
                    + backup.regFile() + " (undo with that backup's .json)");
        }
        options.hook().before(ApplyStep.AUDIT);
        AuditLog.append(options.auditLog(), backup, result.changes());
        return new ApplyOutcome(read.values(), next, result.changes(), Optional.of(backup));
    }
}
