package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;

/**
 * The state of one {@link Resource}, plus what each installer has read of it and not yet acted on. Cells are
 * immutable values, so explorers can use them as keys of their visited sets.
 */
sealed interface Cell permits FileCell, ValueCell {

    /** @return the file or value, as a person reads it */
    String subject();

    /**
     * @param chain true to chain the queue before the boot
     * @param rules the boot implementation
     * @return the cell after the boot, with nothing pending and nothing read
     */
    Cell boot(boolean chain, BootRules rules);

    /**
     * @param expected the reference cell after the boot
     * @return the last lines of a counterexample: how this post-boot cell differs from the reference
     */
    String differenceFrom(Cell expected);
}
