package dev.patchchain.core.plan;

import java.util.List;

/**
 * Packages installed between two reboots: waves run one after another, the packages of a wave together, then
 * (if {@code chainBeforeReboot}) {@code patchchain queue chain --apply}, then a reboot.
 *
 * @param waves             package ids per wave
 * @param chainBeforeReboot true if the queue must be chained before the reboot that ends the group
 */
public record RebootGroup(List<List<String>> waves, boolean chainBeforeReboot) {

    /** Copies the waves. */
    public RebootGroup {
        waves = waves.stream().map(List::copyOf).toList();
    }
}
