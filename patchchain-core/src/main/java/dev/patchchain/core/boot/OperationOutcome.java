package dev.patchchain.core.boot;

import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.FileFacts;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one operation during a simulated boot.
 *
 * @param index     position of the operation in boot order (0-based)
 * @param operation the operation
 * @param status    applied, or why not
 * @param detail    a sentence explaining the status
 * @param moved     for a rename that applied or was refused: the file that was (or would have been) moved
 * @param replaced  for a rename that applied: the file that was at the target and is now gone
 * @param assumed   true if the outcome rests on an assumption because the volume could not say (no image)
 */
public record OperationOutcome(int index, PendingOperation operation, OutcomeStatus status, String detail,
                               Optional<FileFacts> moved, Optional<FileFacts> replaced, boolean assumed) {

    /** Checks the components. */
    public OperationOutcome {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(moved, "moved");
        Objects.requireNonNull(replaced, "replaced");
    }
}
