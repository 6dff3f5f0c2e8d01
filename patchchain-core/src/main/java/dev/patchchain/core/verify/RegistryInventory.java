package dev.patchchain.core.verify;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.registry.RegistryView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The update inventories a SOFTWARE hive holds: the legacy hotfix records Qfecheck read
 * ({@code Microsoft\Updates\<product>\<service pack>\<KB>}, with per-file entries that become a catalog) and the
 * component-servicing packages ({@code Component Based Servicing\Packages}, by {@code CurrentState}). docs/verify.md
 * gives the layouts and the state codes.
 *
 * <pre>{@code
 * RegistryUpdates read = RegistryInventory.read(new RegfRegistryView(software), PathContext.DEFAULT);
 * read.inventory().updates();   // KB958644 (registry Updates), KB4565511 (CBS Packages), ...
 * }</pre>
 */
public final class RegistryInventory {

    private RegistryInventory() {
    }

    /**
     * @param software the SOFTWARE hive
     * @param context  what {@code %SystemRoot%} means in the legacy records' file locations
     * @return the installed updates and the legacy records' expected files
     */
    public static RegistryUpdates read(RegistryView software, PathContext context) {
        List<InstalledUpdate> installed = new ArrayList<>();
        List<CatalogUpdate> catalog = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LegacyHotfixRecords.read(software, context, installed, catalog, warnings);
        CbsPackages.read(software, installed, warnings);
        UpdateCatalog merged = new UpdateCatalog(List.of());
        for (CatalogUpdate update : catalog) {
            merged = merged.merge(new UpdateCatalog(List.of(update)));   // one KB under two products: files united
        }
        return new RegistryUpdates(HotfixInventory.of(Optional.empty(), installed, warnings), merged);
    }
}
