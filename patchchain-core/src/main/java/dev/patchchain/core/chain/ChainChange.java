package dev.patchchain.core.chain;

import dev.patchchain.core.queue.PendingOperation;
import java.util.Objects;

/**
 * One entry the chainer rewrote: what it was, what it became, and why.
 *
 * @param index  position in boot order (unchanged: the chainer never reorders)
 * @param before the entry in the input queue
 * @param after  the entry in the chained queue
 * @param reason why, e.g. {@code superseded by op #3 (6.1.7601.23403 > 6.1.7601.17514)}
 */
public record ChainChange(int index, PendingOperation before, PendingOperation after, String reason) {

    /** Checks the components. */
    public ChainChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(reason, "reason");
    }
}
