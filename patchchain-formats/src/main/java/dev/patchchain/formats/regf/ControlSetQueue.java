package dev.patchchain.formats.regf;

import dev.patchchain.core.queue.PendingQueue;
import java.util.List;
import java.util.Objects;

/**
 * The pending file rename queue of one control set of a SYSTEM hive.
 *
 * @param controlSet the control set's key name, e.g. {@code ControlSet001}
 * @param queue      the decoded {@code PendingFileRenameOperations} and {@code ...2} values (empty if absent)
 * @param notes      how it was read: which control set and why, whether the hive was dirty and logs applied
 */
public record ControlSetQueue(String controlSet, PendingQueue queue, List<String> notes) {

    /** Copies the notes. */
    public ControlSetQueue {
        Objects.requireNonNull(controlSet, "controlSet");
        Objects.requireNonNull(queue, "queue");
        notes = List.copyOf(notes);
    }
}
