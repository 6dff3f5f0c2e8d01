package dev.patchchain.core.boot;

import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import java.util.Objects;

/**
 * The result of a simulated boot: one outcome per operation, in order, and the volume as it is afterwards.
 *
 * @param outcomes one per operation of the queue, same order
 * @param after    the volume after the boot (a view over the volume before; that one is unchanged)
 * @param rules    the implementation that was imitated
 */
public record BootResult(List<OperationOutcome> outcomes, VolumeState after, BootRules rules) {

    /** Copies the list and checks the components. */
    public BootResult {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(rules, "rules");
    }
}
