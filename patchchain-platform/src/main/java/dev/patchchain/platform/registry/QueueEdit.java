package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.QueueValues;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * What a write does to the queue values it read: chain them, add or remove an entry, restore a backup.
 *
 * <pre>{@code
 * QueueEdit clear = read -> new QueueEdit.Result(QueueValues.ABSENT, List.of("removed every entry"));
 * }</pre>
 */
@FunctionalInterface
public interface QueueEdit {

    /**
     * @param read the values as read
     * @return the values to write and what changed, in words, for the audit log
     * @throws IOException if the edit is refused (nothing is written)
     */
    Result apply(QueueValues read) throws IOException;

    /**
     * The outcome of an edit.
     *
     * @param values  the new values
     * @param changes one line per entry removed, rewritten or added
     */
    record Result(QueueValues values, List<String> changes) {
        /** Copies the list. */
        public Result {
            Objects.requireNonNull(values, "values");
            changes = List.copyOf(changes);
        }
    }
}
