package dev.patchchain.core.verify;

import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.volume.PathState;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one expected file, with the evidence: what is at the path now and after the next boot, and the
 * queue entry that makes the difference.
 *
 * @param update   the update that installs the file
 * @param expected what the catalog expects
 * @param status   the verdict
 * @param now      what is at the path now
 * @param after    what is at the path after the pending queue has run
 * @param cause    the last queue entry that acts on the path (applied or refused), if any
 * @param detail   one sentence, e.g. {@code "file version mismatch: ... expected 6.1.7601.23403, found 6.1.7601.17514"}
 */
public record FileCheck(UpdateId update, ExpectedFile expected, VerifyStatus status, PathState now, PathState after,
                        Optional<OperationOutcome> cause, String detail) {

    /** Checks the components. */
    public FileCheck {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
    }
}
