package dev.patchchain.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link QueueRegistry} read: the two values and when their key was last written.
 *
 * <pre>{@code
 * QueueState s = registry.read();
 * s.values().sha256();   // recorded in the backup and the audit log
 * }</pre>
 *
 * @param values      the values' exact bytes
 * @param lastWritten the Session Manager key's last write time, or {@code null} where the registry has none
 */
public record QueueState(QueueValues values, Instant lastWritten) {

    /** Checks the values. */
    public QueueState {
        Objects.requireNonNull(values, "values");
    }
}
