package dev.patchchain.core.signals;

import dev.patchchain.core.queue.PendingOperation;
import java.util.Objects;

/**
 * A queue entry that keeps a reboot pending but will do nothing, or should already have been done.
 *
 * <pre>{@code
 * new Zombie(0, op, Zombie.Reason.SOURCE_GONE, "C:\\Temp\\x.tmp does not exist");
 * }</pre>
 *
 * @param index     position in boot order
 * @param operation the entry
 * @param reason    why it is a zombie
 * @param evidence  what shows it (the missing path, or both timestamps)
 */
public record Zombie(int index, PendingOperation operation, Reason reason, String evidence) {

    /** Why an entry is a zombie. */
    public enum Reason {
        /** The file to rename or delete is not on the volume: the boot has nothing to do for this entry. */
        SOURCE_GONE,
        /**
         * The Session Manager key was last written before the last shutdown recorded in the hive: the entry was
         * already queued then, so the boot that followed should have processed it (docs/signals.md, caveats).
         */
        PREDATES_SHUTDOWN
    }

    /** Checks the components. */
    public Zombie {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
    }
}
