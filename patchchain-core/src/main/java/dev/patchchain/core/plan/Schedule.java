package dev.patchchain.core.plan;

import java.util.List;

/**
 * The installation plan with the fewest reboots: groups separated by reboots.
 *
 * @param groups the reboot groups, in order; each ends with a reboot
 * @param exact  true if the number of groups is proven minimal, false if the heuristic for large sets was used
 */
public record Schedule(List<RebootGroup> groups, boolean exact) {

    /** Copies the groups. */
    public Schedule {
        groups = List.copyOf(groups);
    }

    /** @return the reboots needed between groups (one fewer than the groups; the final reboot is not counted) */
    public int rebootsBetween() {
        return Math.max(0, groups.size() - 1);
    }
}
