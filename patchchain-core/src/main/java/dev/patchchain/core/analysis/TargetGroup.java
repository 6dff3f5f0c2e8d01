package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.Objects;

/**
 * Every rename in a queue that writes one target, and whether the target is <em>settled</em>: nothing else in the
 * queue moves, deletes or replaces that path, its directories, or the staged files before their renames. Only a
 * settled target has a well-defined "newest queued version", so only settled targets are checked for downgrades
 * and chained; {@link #unsettledReason()} says why another one is left alone.
 *
 * @param target          the target path
 * @param renames         indices (boot order) of the renames to it
 * @param unsettledReason empty if settled, else why not
 */
public record TargetGroup(WinPath target, List<Integer> renames, String unsettledReason) {

    /** Copies the list and checks the components. */
    public TargetGroup {
        Objects.requireNonNull(target, "target");
        renames = List.copyOf(renames);
        Objects.requireNonNull(unsettledReason, "unsettledReason");
    }

    /** @return true if nothing but these renames touches the target and their staged files */
    public boolean settled() {
        return unsettledReason.isEmpty();
    }
}
