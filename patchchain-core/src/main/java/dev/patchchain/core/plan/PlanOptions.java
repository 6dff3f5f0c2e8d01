package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import java.util.Objects;

/**
 * How the planner explores.
 *
 * @param rules       the boot implementation to simulate
 * @param reduction   true to explore each file and value on its own (partial-order reduction); false to explore
 *                    every interleaving of every step (exponential: for checking the reduction on small sets)
 * @param stateBudget the most states an exploration without reduction may visit before it gives up
 */
public record PlanOptions(BootRules rules, boolean reduction, long stateBudget) {

    /** The defaults: Windows rules, reduction on. */
    public static final PlanOptions DEFAULT = new PlanOptions(BootRules.WINDOWS, true, 2_000_000);

    /** Checks the components. */
    public PlanOptions {
        Objects.requireNonNull(rules, "rules");
        if (stateBudget < 1) {
            throw new IllegalArgumentException("stateBudget must be positive");
        }
    }

    /**
     * @param on whether to reduce
     * @return these options with the reduction switched
     */
    public PlanOptions withReduction(boolean on) {
        return new PlanOptions(rules, on, stateBudget);
    }
}
