package dev.patchchain.formats.reg;

import dev.patchchain.core.queue.PendingQueue;
import java.util.List;
import java.util.Objects;

/**
 * The pending queue found in a {@code .reg} file, and where it was found.
 *
 * @param queue   the decoded queue
 * @param keyPath the Session Manager key it was read from, as written in the file
 * @param notes   what the reader had to decide or convert: the control set chosen among several, ANSI conversions
 */
public record RegistryQueue(PendingQueue queue, String keyPath, List<String> notes) {

    /** Copies the list and checks the components. */
    public RegistryQueue {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(keyPath, "keyPath");
        notes = List.copyOf(notes);
    }
}
