package dev.patchchain.core.plan;

/**
 * What a set of packages needs, from the best to the worst case. Each verdict compares every reachable state after
 * the boot with the reference: each package installed alone, in the given order, with a reboot after each.
 */
public enum Verdict {
    /** Any interleaving of the installers (within the engines' locks) ends as the reference. */
    SAFE_PARALLEL,
    /** One after another, in the given order, with one reboot at the end, ends as the reference. */
    SAFE_SEQUENTIAL_NO_REBOOT,
    /** One after another without reboot ends as the reference only if {@code queue chain} runs before the reboot. */
    SAFE_WITH_CHAIN,
    /** A reboot is needed between some of the packages. */
    REBOOT_REQUIRED_BETWEEN;

    /** @return true if no reboot and no chaining is needed */
    public boolean clean() {
        return this == SAFE_PARALLEL || this == SAFE_SEQUENTIAL_NO_REBOOT;
    }
}
