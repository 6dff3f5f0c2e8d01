package dev.patchchain.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * The verdict for a set of packages (the whole set, or a pair), with the counterexample that rules out the next
 * better verdict: for {@code SAFE_WITH_CHAIN} the trace of the downgrade without chaining, for
 * {@code REBOOT_REQUIRED_BETWEEN} the trace that chaining does not fix.
 *
 * @param packages       the package ids, in the given order
 * @param verdict        the verdict
 * @param counterexample why the next better verdict does not hold; empty for {@code SAFE_PARALLEL}
 */
public record SetVerdict(List<String> packages, Verdict verdict, Optional<Counterexample> counterexample) {

    /** Copies the ids. */
    public SetVerdict {
        packages = List.copyOf(packages);
    }
}
