package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.QueueValues;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SafeQueueWrite} did.
 *
 * <pre>{@code
 * ApplyOutcome o = new SafeQueueWrite(registry, options).run(edit);
 * o.written();   // false when the edit changed nothing (no backup, no write, no log line)
 * }</pre>
 *
 * @param before  the values read
 * @param after   the values now (equal to {@code before} when nothing was written)
 * @param changes what changed, in words
 * @param backup  the backup record, when something was written
 */
public record ApplyOutcome(QueueValues before, QueueValues after, List<String> changes, Optional<QueueBackup> backup) {

    /** Copies the list. */
    public ApplyOutcome {
        changes = List.copyOf(changes);
    }

    /** @return true if the registry was written */
    public boolean written() {
        return backup.isPresent();
    }
}
