package dev.patchchain.cli.verify;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.machine.MachineHive;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.cli.queue.InputBytes;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.ContentDigest;
import dev.patchchain.core.verify.ServicingCatalog;
import dev.patchchain.core.verify.ServicingStore;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.ServicingStoreReader;
import dev.patchchain.core.verify.HotfixInventory;
import dev.patchchain.core.verify.RegistryInventory;
import dev.patchchain.core.verify.RegistryUpdates;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.formats.inventory.InstalledUpdates;
import dev.patchchain.formats.inventory.InstalledUpdatesReader;
import dev.patchchain.formats.json.UpdateCatalogFormat;
import dev.patchchain.formats.winbindex.WinbindexImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the catalogs and the installed-update captures {@code verify} is given, noting what each held. */
final class VerifyInputs {

    private final CliContext context;
    private final List<String> described = new ArrayList<>();

    VerifyInputs(CliContext context) {
        this.context = context;
    }

    /** @return one line per input read: its name and what it held */
    List<String> described() {
        return List.copyOf(described);
    }

    UpdateCatalog catalog(List<String> catalogs, List<String> winbindex, String winbindexDir, int machine)
            throws IOException {
        UpdateCatalog all = new UpdateCatalog(List.of());
        for (String name : catalogs) {
            Path file = context.resolve(name);
            UpdateCatalog read = UpdateCatalogFormat.read(InputBytes.file(file, UpdateCatalogFormat.MAX_INPUT_BYTES),
                    file.toString());
            described.add("catalog " + file + ": " + read.updates().size() + " updates");
            all = all.merge(read);
        }
        for (String name : winbindex) {
            Path file = context.resolve(name);
            WinPath path = winbindexPath(winbindexDir, file.getFileName().toString());
            UpdateCatalog read = WinbindexImporter.read(InputBytes.file(file, WinbindexImporter.MAX_INPUT_BYTES),
                    file.toString(), path, machine);
            described.add("Winbindex record " + file + ": " + path + " in " + read.updates().size() + " updates");
            all = all.merge(read);
        }
        return all;
    }

    HotfixInventory inventory(List<String> captures) throws IOException {
        HotfixInventory all = HotfixInventory.EMPTY;
        for (String name : captures) {
            Path file = context.resolve(name);
            InstalledUpdates read = InstalledUpdatesReader.read(
                    InputBytes.file(file, InstalledUpdatesReader.MAX_INPUT_BYTES), file.toString());
            described.add("installed updates " + file + ": " + read.format().tool() + ", "
                    + read.inventory().updates().size() + " updates");
            all = all.merge(read.inventory());
        }
        return all;
    }

    /**
     * The machine's SOFTWARE hive, when it has one (an image's file, or the running registry): its legacy hotfix
     * records and CBS packages (an inventory) and the records' per-file entries (a catalog).
     */
    Optional<RegistryUpdates> registry(MachineSource machine) throws IOException {
        Optional<MachineHive> software = machine.software();
        if (software.isEmpty()) {
            return Optional.empty();
        }
        RegistryUpdates read = RegistryInventory.read(software.get().view(), machine.pathContext());
        described.add("SOFTWARE hive " + software.get().name() + ": " + read.inventory().updates().size()
                + " installed updates (legacy Updates records and CBS packages), " + read.catalog().updates().size()
                + " with file lists");
        return Optional.of(read);
    }

    /**
     * The image's own component store ({@code Windows\\servicing\\Packages}, {@code WinSxS}), joined with the CBS
     * states of the machine's SOFTWARE hive: installed updates (source {@value ServicingCatalog#SOURCE}) and their
     * expected files. Empty when the volume is not an image or has no servicing packages.
     */
    Optional<RegistryUpdates> servicing(MachineSource machine, VolumeState volume, BootResult boot,
                                        ContentDigest digest) throws IOException {
        if (!(volume instanceof ImageVolume image)) {
            return Optional.empty();
        }
        ServicingStore store = ServicingStoreReader.read(image, machine.pathContext());
        if (store.packages().isEmpty() && store.warnings().isEmpty()) {
            return Optional.empty();
        }
        Optional<MachineHive> software = machine.software();
        RegistryUpdates read = ServicingCatalog.read(store, software.map(MachineHive::view), volume, boot.after(),
                digest, machine.pathContext());
        described.add("servicing store: " + store.packages().size() + " package manifests, "
                + store.directories().size() + " WinSxS component directories, " + read.inventory().updates().size()
                + " installed updates" + (software.isEmpty() ? " (no SOFTWARE hive: no package states)" : ""));
        return Optional.of(read);
    }

    /** @throws UsageException if nothing says which files to expect */
    static void requireExpectedFiles(UpdateCatalog catalog, List<String> catalogs, List<String> winbindex) {
        if (catalogs.isEmpty() && winbindex.isEmpty() && catalog.updates().isEmpty()) {
            throw new UsageException("give at least one --catalog FILE or --winbindex FILE (or an --image or --live whose"
                    + " SOFTWARE hive has legacy hotfix records with file lists, or whose servicing store has installed"
                    + " packages): without expected files there is nothing to verify");
        }
    }

    /** Winbindex names its records {@code <file name>.json.gz}; the file lives in the given directory. */
    private static WinPath winbindexPath(String directory, String recordName) {
        String fileName = recordName.replaceFirst("(?i)\\.json(\\.gz)?$", "");
        try {
            return WinPath.parse(directory).resolve(fileName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--winbindex-dir " + directory + " / " + fileName + ": " + e.getMessage());
        }
    }
}
