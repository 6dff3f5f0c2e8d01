package dev.patchchain.cli.verify;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.verify.ContentDigest;
import dev.patchchain.core.verify.HotfixInventory;
import dev.patchchain.core.verify.RegistryUpdates;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.Verifier;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.platform.image.ImageDigest;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify} for {@code scan --catalog}: every catalogued update (and those the machine's SOFTWARE hive lists)
 * checked against a queue already loaded, as {@code verify --catalog FILE [--image DIR | --live]} would.
 *
 * <pre>{@code
 * VerifyReport report = VerifyScan.verify(context, List.of("catalog.json"), loaded, machine);
 * }</pre>
 */
public final class VerifyScan {

    /** x64: the machine type for the catalog's per-architecture entries. */
    private static final int AMD64 = 0x8664;

    private VerifyScan() {
    }

    /**
     * @param context  where relative file names resolve
     * @param catalogs catalog files (docs/formats/update-catalog.md), at least one
     * @param loaded   the machine's queue and volume (and signature checking, if asked for)
     * @param machine  the machine, whose SOFTWARE hive (if any) adds installed updates and hotfix file lists
     * @return the verdict per update
     * @throws IOException if a catalog or hive cannot be read
     */
    public static VerifyReport verify(CliContext context, List<String> catalogs, LoadedQueue loaded,
                                      MachineSource machine) throws IOException {
        VerifyInputs inputs = new VerifyInputs(context);
        UpdateCatalog catalog = inputs.catalog(catalogs, List.of(), "C:\\Windows\\System32", AMD64);
        HotfixInventory inventory = inputs.inventory(List.of());
        BootResult boot = new BootSimulator(loaded.rules()).run(loaded.queue(), loaded.volume());
        ContentDigest digest = loaded.volume() instanceof ImageVolume volume ? new ImageDigest(volume) : ContentDigest.NONE;
        Optional<RegistryUpdates> servicing = inputs.servicing(machine, loaded.volume(), boot, digest);
        Optional<RegistryUpdates> registry = inputs.registry(machine);
        if (servicing.isPresent()) {
            inventory = inventory.merge(servicing.get().inventory());
            catalog = catalog.merge(servicing.get().catalog());
        }
        if (registry.isPresent()) {
            inventory = inventory.merge(registry.get().inventory());
            catalog = catalog.merge(registry.get().catalog());
        }
        VerifyInputs.requireExpectedFiles(catalog, catalogs, List.of());
        return Verifier.verify(inventory, catalog, loaded.volume(), boot, digest, loaded.signatures());
    }
}
