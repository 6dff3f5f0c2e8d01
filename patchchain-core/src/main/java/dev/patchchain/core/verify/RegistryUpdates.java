package dev.patchchain.core.verify;

import java.util.Objects;

/**
 * What a SOFTWARE hive says is installed, and what the legacy hotfix records say each update put on disk.
 *
 * <pre>{@code
 * RegistryUpdates read = RegistryInventory.read(software);
 * inventory = inventory.merge(read.inventory());
 * catalog = catalog.merge(read.catalog());
 * }</pre>
 *
 * @param inventory the installed updates (legacy records and CBS packages), with warnings
 * @param catalog   the per-file entries of the legacy records, as a catalog (empty without them)
 */
public record RegistryUpdates(HotfixInventory inventory, UpdateCatalog catalog) {

    /** Checks the components. */
    public RegistryUpdates {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(catalog, "catalog");
    }
}
