package dev.patchchain.formats.regquery;

import dev.patchchain.core.queue.PendingQueue;
import java.util.List;
import java.util.Objects;

/**
 * The pending queue read from {@code reg query} output.
 *
 * @param queue   the decoded queue
 * @param keyPath the key line the queue values were listed under
 * @param notes   decisions the parser had to make, each starting with {@code "line N: "}: a literal {@code \0}
 *                kept inside a path, an empty listing read as an empty list
 */
public record RegQueryResult(PendingQueue queue, String keyPath, List<String> notes) {

    /** Copies the list and checks the components. */
    public RegQueryResult {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(keyPath, "keyPath");
        notes = List.copyOf(notes);
    }
}
