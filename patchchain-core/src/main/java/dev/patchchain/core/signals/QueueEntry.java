package dev.patchchain.core.signals;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.queue.PendingOperation;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the pending file rename queue as the signals judge it: who queued it and whether it counts.
 *
 * <pre>{@code
 * entry.attribution();   // ANTIVIRUS
 * entry.rule();          // Optional["Windows Defender"]
 * entry.ignored();       // true under --ignore antivirus
 * }</pre>
 *
 * @param index       position in boot order
 * @param operation   the decoded entry
 * @param attribution its class
 * @param rule        the label of the attribution rule that matched, if one did
 * @param ignored     true if its class is ignored
 */
public record QueueEntry(int index, PendingOperation operation, Attribution attribution, Optional<String> rule,
                         boolean ignored) {

    /** Checks the components. */
    public QueueEntry {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(rule, "rule");
    }
}
