package dev.patchchain.core.chain;

import dev.patchchain.core.analysis.TargetGroup;
import dev.patchchain.core.queue.PendingQueue;
import java.util.List;
import java.util.Objects;

/**
 * The chained queue and the diff that explains it.
 *
 * @param input   the queue that was chained
 * @param chained the rewritten queue (equal to {@code input} when nothing needed to change)
 * @param changes every rewritten entry, in boot order
 * @param chainedTargets targets where the newest version now wins
 * @param skipped targets left alone, each with the reason (in {@link TargetGroup#unsettledReason()} or here)
 */
public record ChainResult(PendingQueue input, PendingQueue chained, List<ChainChange> changes,
                          List<TargetGroup> chainedTargets, List<SkippedTarget> skipped) {

    /** Copies the lists and checks the components. */
    public ChainResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(chained, "chained");
        changes = List.copyOf(changes);
        chainedTargets = List.copyOf(chainedTargets);
        skipped = List.copyOf(skipped);
    }

    /** @return true if the chained queue differs from the input */
    public boolean changed() {
        return !changes.isEmpty();
    }

    /**
     * A target with several writers that the chainer did not touch.
     *
     * @param group  the target and its renames
     * @param reason why it was left alone
     */
    public record SkippedTarget(TargetGroup group, String reason) {
        /** Checks the components. */
        public SkippedTarget {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
