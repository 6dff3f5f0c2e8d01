package dev.patchchain.core.plan;

import java.util.Optional;

/**
 * What one exploration found.
 *
 * @param safe           true if every reachable state after the boot equals the reference
 * @param states         states visited
 * @param counterexample a shortest trace to a different state, when not safe
 */
record Exploration(boolean safe, long states, Optional<Counterexample> counterexample) {
}
