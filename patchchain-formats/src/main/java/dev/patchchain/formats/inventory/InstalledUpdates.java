package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.HotfixInventory;
import java.util.Objects;

/**
 * An installed-update capture, read.
 *
 * @param format    what kind of capture it was
 * @param inventory the updates (each id once) and the warnings
 * @param listed    how many entries the capture listed, duplicates included
 */
public record InstalledUpdates(CaptureFormat format, HotfixInventory inventory, int listed) {

    /** Checks the components. */
    public InstalledUpdates {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(inventory, "inventory");
    }
}
