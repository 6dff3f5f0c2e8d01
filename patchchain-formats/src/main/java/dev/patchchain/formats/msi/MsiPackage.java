package dev.patchchain.formats.msi;

import dev.patchchain.core.plan.UpdatePackage;
import java.util.List;

/**
 * A Windows Installer package as read: its product identity from the {@code Property} table, the package the
 * planner sees (Windows Installer engine; files with target paths and versions; registry writes), and what could
 * not be turned into files or writes.
 *
 * @param productName    {@code ProductName}
 * @param productVersion {@code ProductVersion}
 * @param productCode    {@code ProductCode}
 * @param pkg            the package for the planner, its id {@code ProductName ProductVersion}
 * @param warnings       what was left out and why
 */
public record MsiPackage(String productName, String productVersion, String productCode, UpdatePackage pkg,
                         List<String> warnings) {

    /** Copies the list. */
    public MsiPackage {
        warnings = List.copyOf(warnings);
    }
}
