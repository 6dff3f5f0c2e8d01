package dev.patchchain.core.signals;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.volume.VolumeState;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link RebootSignals} judges the queue.
 *
 * <pre>{@code
 * new SignalOptions(AttributionRulesReader.defaults(), Set.of(Attribution.ANTIVIRUS), VolumeState.UNKNOWN,
 *         PathContext.DEFAULT);
 * }</pre>
 *
 * @param rules   the attribution rules that sort queue entries into classes
 * @param ignore  the classes whose queue entries do not count (e.g. anti-virus updaters)
 * @param volume  the disk, to find queue entries whose source is gone ({@link VolumeState#UNKNOWN}: not checked)
 * @param context what {@code \SystemRoot} means in queue paths
 */
public record SignalOptions(AttributionRules rules, Set<Attribution> ignore, VolumeState volume,
                            PathContext context) {

    /** Copies the set and checks the components. */
    public SignalOptions {
        Objects.requireNonNull(rules, "rules");
        ignore = Set.copyOf(ignore);
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(context, "context");
    }
}
