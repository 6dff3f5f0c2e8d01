package dev.patchchain.cli.plan;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.plan.MachineState;
import dev.patchchain.core.plan.Plan;
import dev.patchchain.core.plan.PlanOptions;
import dev.patchchain.core.plan.Planner;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.cab.CabLimits;
import dev.patchchain.formats.cab.ServicingPackage;
import dev.patchchain.formats.cab.ServicingPackageReader;
import dev.patchchain.formats.json.PackageManifest;
import dev.patchchain.formats.json.PackageManifestFormat;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.formats.msi.InstalledProducts;
import dev.patchchain.formats.msi.MsiDatabase;
import dev.patchchain.formats.msi.MsiPackage;
import dev.patchchain.formats.msi.MsiPackageReader;
import dev.patchchain.formats.msi.MsiPatch;
import dev.patchchain.formats.msi.MsiPatchReader;
import dev.patchchain.formats.msi.PatchNotApplicableException;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import dev.patchchain.cli.hive.ImageHives;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchchain plan}: which packages may be installed together without a reboot, why not, and the schedule. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Decide which packages may be installed in parallel or one after another without a reboot "
                + "(exploring every interleaving of their installers and the boot that follows), show a "
                + "counterexample when not, and schedule the fewest reboots. With --live, --image or --hive-system, "
                + "start from the machine's state: what its queue and pending.xml will replace at the next boot, and its "
                + "current registry values. Exit 0 when no reboot and no chain is "
                + "needed, 1 when one is, 2 on bad input.")
public final class PlanCommand implements Callable<Integer> {

    /** The largest manifest read. */
    static final int MAX_MANIFEST_BYTES = PackageManifestFormat.MAX_INPUT_BYTES;

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "MANIFEST",
            description = "Package manifests (docs/formats/package-manifest.md), Windows update packages "
                    + "(.msu, servicing .cab: docs/formats/cab.md), Windows Installer packages and patches (.msi, "
                    + ".msp: docs/formats/msi.md), in the order they would be installed with a "
                    + "reboot after each.")
    private List<String> manifests;

    @Option(names = "--msi", paramLabel = "FILE",
            description = "The .msi of an installed product that a .msp among the packages patches: read for its "
                    + "tables, not planned. An .msi among the packages serves as well. Repeatable.")
    private List<String> productMsis = new ArrayList<>();

    @Option(names = "--image", paramLabel = "DIR",
            description = "A mounted Windows tree: the versions on disk now come from its PE files, the pending queue "
                    + "and the current registry values from its <system root>\\System32\\config\\SYSTEM and "
                    + "SOFTWARE hives, servicing's pending operations from its WinSxS\\pending.xml. Without it, "
                    + "versions come from the manifests' onDisk entries, else unknown.")
    private String image;

    @Option(names = "--live",
            description = "The running Windows: the versions on disk from the system drive's PE files, the pending "
                    + "queue and the current registry values from HKLM\\SYSTEM and HKLM\\SOFTWARE, servicing's "
                    + "pending operations from %%SystemRoot%%\\WinSxS\\pending.xml. Windows only; not with --image "
                    + "or the hive options.")
    private boolean live;

    @Option(names = "--drive", paramLabel = "LETTER", defaultValue = "C",
            description = "The drive letter --image stands for (default: ${DEFAULT-VALUE}).")
    private char drive;

    @Option(names = "--hive-system", paramLabel = "FILE",
            description = "An offline SYSTEM hive (its .LOG1/.LOG2 beside it are replayed when dirty): the pending "
                    + "queue of its current control set and its values; instead of --image's own.")
    private String hiveSystem;

    @Option(names = "--hive-software", paramLabel = "FILE",
            description = "An offline SOFTWARE hive: the current values of what the packages write below "
                    + "HKLM\\SOFTWARE; instead of --image's own.")
    private String hiveSoftware;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "The Windows directory: where --image keeps its hives and pending.xml, and what "
                    + "\\SystemRoot means in queue paths (default: ${DEFAULT-VALUE}).")
    private String systemRoot;

    @Option(names = "--lenient",
            description = "Read a damaged hive as far as possible: skip broken structures and report each.")
    private boolean lenient;

    @Option(names = "--json", description = "Print the plan as JSON.")
    private boolean json;

    PlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<UpdatePackage> packages = new ArrayList<>();
        Map<WinPath, PathState> onDisk = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Path> products = products();
        for (String name : manifests) {
            PackageManifest m = read(name, products, warnings);
            if (!ids.add(m.pkg().id())) {
                throw new UsageException(name + ": package id " + m.pkg().id() + " is used by an earlier manifest");
            }
            for (Map.Entry<WinPath, PathState> e : m.onDisk().entrySet()) {
                PathState before = onDisk.putIfAbsent(e.getKey(), e.getValue());
                if (before != null && !before.equals(e.getValue())) {
                    throw new UsageException(name + ": onDisk of " + e.getKey() + " contradicts an earlier manifest");
                }
            }
            packages.add(m.pkg());
        }
        if (live && (image != null || hiveSystem != null || hiveSoftware != null)) {
            throw new UsageException("give --live, or --image DIR and the hive options, not both");
        }
        MachineLoader loader = new MachineLoader(pathContext(), lenient ? RegfOptions.LENIENT : RegfOptions.STRICT);
        Optional<ImageVolume> imageVolume;
        MachineState machine;
        if (live) {
            LiveWindows windows = context.live().open(context.environment());
            imageVolume = Optional.of(windows.volume());
            machine = loader.loadLive(windows);
        } else {
            imageVolume = image == null ? Optional.empty() : Optional.of(openImage());
            VolumeState disk = imageVolume.isPresent() ? imageVolume.get() : new ManifestDisk(onDisk);
            machine = loader.load(disk, imageVolume, file(hiveSystem), file(hiveSoftware));
        }
        Plan plan = new Planner(PlanOptions.DEFAULT).plan(packages, machine);
        imageVolume.ifPresent(v -> warnings.addAll(v.warnings()));
        warnings.addAll(loader.warnings());
        if (imageVolume.isPresent() && !onDisk.isEmpty()) {
            warnings.add("the manifests' onDisk entries are ignored: the versions on disk come from "
                    + (live ? "the running Windows" : "--image " + image));
        }
        if (json) {
            context.out().println(Json.write(PlanReport.json(plan, machine, warnings)));
        } else {
            context.out().print(PlanReport.text(plan, machine, warnings));
        }
        return (plan.set().verdict().clean() ? ExitCode.CLEAN : ExitCode.FINDINGS).code();
    }

    /** The product code of each .msi among the packages and of each --msi, to its file. */
    private Map<String, Path> products() throws IOException {
        Map<String, Path> products = new HashMap<>();
        List<String> names = new ArrayList<>(productMsis);
        manifests.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".msi")).forEach(names::add);
        for (String name : names) {
            Path file = context.resolve(name);
            try (MsiDatabase db = MsiDatabase.open(file)) {
                db.property("ProductCode").ifPresent(code -> products.putIfAbsent(code.toUpperCase(Locale.ROOT), file));
            }
        }
        return products;
    }

    private PackageManifest read(String name, Map<String, Path> products, List<String> warnings) throws IOException {
        Path file = context.resolve(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".msu") || lower.endsWith(".cab")) {
            ServicingPackage p = ServicingPackageReader.read(file, CabLimits.DEFAULT);
            p.warnings().forEach(w -> warnings.add(name + ": " + w));
            return new PackageManifest(p.pkg(), Map.of());
        }
        if (lower.endsWith(".msi")) {
            MsiPackage p = MsiPackageReader.read(file);
            p.warnings().forEach(w -> warnings.add(name + ": " + w));
            return new PackageManifest(p.pkg(), Map.of());
        }
        if (lower.endsWith(".msp")) {
            MsiPatch patch = MsiPatchReader.read(file);
            Path product = product(name, patch, products, warnings);
            MsiPackage p;
            try {
                p = MsiPatchReader.read(file, product);
            } catch (PatchNotApplicableException notForIt) {
                throw new UsageException(name + ": " + notForIt.getMessage());
            }
            p.warnings().forEach(w -> warnings.add(name + ": " + w));
            return new PackageManifest(p.pkg(), Map.of());
        }
        if (Files.size(file) > MAX_MANIFEST_BYTES) {
            throw new UsageException(name + ": larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        return PackageManifestFormat.read(Files.readAllBytes(file), name);
    }

    /**
     * The product a patch applies to: an .msi given (a package or --msi), else, with --image, the package the image's
     * Windows Installer cached for an installed target product (docs/formats/msi.md#installed-products).
     */
    private Path product(String name, MsiPatch patch, Map<String, Path> products, List<String> warnings)
            throws IOException {
        for (String code : patch.targetProductCodes()) {
            Path given = products.get(code.toUpperCase(Locale.ROOT));
            if (given != null) {
                return given;
            }
        }
        List<String> refused = List.of();
        if (image != null) {
            ImageVolume volume = openImage();
            Path software = hiveSoftware != null ? context.resolve(hiveSoftware)
                    : ImageHives.find(volume, pathContext(), ImageHives.SOFTWARE).orElse(null);
            if (software != null) {
                RegfHive hive = RegfHive.open(software, lenient ? RegfOptions.LENIENT : RegfOptions.STRICT);
                hive.warnings().forEach(w -> warnings.add(name + ": " + software.getFileName() + ": " + w));
                RegistryView view = new RegfRegistryView(hive);
                for (String code : patch.targetProductCodes()) {
                    Optional<Path> cached = InstalledProducts.localPackage(view, code).flatMap(p -> hostPath(volume, p))
                            .filter(Files::isRegularFile);
                    if (cached.isPresent()) {
                        warnings.add(name + ": read against " + cached.get().getFileName() + ", the package Windows "
                                + "Installer cached for the installed product " + code);
                        return cached.get();
                    }
                }
            }
            refused = volume.warnings();
        }
        throw new UsageException(name + " patches " + String.join(", ", patch.targetProductCodes())
                + (image != null ? ", installed in neither the image nor given" : "")
                + ": give that product's .msi as a package or with --msi"
                + (refused.isEmpty() ? "" : " (the image refused: " + String.join("; ", refused) + ")"));
    }

    private static Optional<Path> hostPath(ImageVolume volume, String windowsPath) {
        try {
            return Optional.ofNullable(volume.resolve(WinPath.parse(windowsPath, null)));
        } catch (WinPathException notAPath) {
            return Optional.empty();
        }
    }

    private Path file(String name) {
        return name == null ? null : context.resolve(name);
    }

    private PathContext pathContext() {
        try {
            return new PathContext(WinPath.parse(systemRoot, null));
        } catch (WinPathException e) {
            throw new UsageException("--system-root " + systemRoot + ": " + e.getMessage());
        }
    }

    private ImageVolume openImage() throws IOException {
        if (!Character.isLetter(drive) || drive > 'z') {
            throw new UsageException("--drive " + drive + ": expected a drive letter A-Z");
        }
        return ImageVolume.open(context.resolve(image), Character.toUpperCase(drive), new PeFileInspector());
    }
}
