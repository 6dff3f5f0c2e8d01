package dev.patchchain.cli.verify;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.machine.HiveFileMachine;
import dev.patchchain.cli.machine.LiveMachine;
import dev.patchchain.cli.machine.MachineQueue;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.cli.queue.QueueLoader;
import dev.patchchain.cli.queue.QueueSourceOptions;
import dev.patchchain.cli.queue.RulesOption;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.verify.ContentDigest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.HotfixInventory;
import dev.patchchain.core.verify.RegistryUpdates;
import dev.patchchain.core.verify.SignaturePolicy;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.Verifier;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.platform.image.CatRoot;
import dev.patchchain.platform.image.ImageDigest;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patchchain verify}: installed updates against the disk now and after the pending queue runs. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that the files installed updates put on disk are there, now and after the pending "
                + "queue runs at the next boot (a Qfecheck that knows about the queue). "
                + "With --signatures, a file current by version must also be validly signed (inline or by a catalog of "
                + "the image's CatRoot). Exit 1 if any file regressed, will regress at the next reboot, or (with "
                + "--signatures) is not validly signed.")
public final class VerifyCommand implements Callable<Integer> {

    /** Machine types a Winbindex record is filtered by. */
    enum Machine {
        /** x64. */
        AMD64(0x8664),
        /** 32-bit x86 (also the WOW64 copies in SysWOW64). */
        X86(0x14C),
        /** ARM64. */
        ARM64(0xAA64);

        private final int type;

        Machine(int type) {
            this.type = type;
        }
    }

    /** At most one output format besides text. */
    static final class Output {
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV, one row per expected file, instead of text.")
        boolean csv;
    }

    private final CliContext context;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Expected files per update, in patchchain's catalog format (docs/formats/update-catalog.md). "
                    + "Repeatable.")
    private List<String> catalogs = new ArrayList<>();

    @Option(names = "--winbindex", paramLabel = "FILE",
            description = "A Winbindex per-file record (<name>.json or <name>.json.gz): every KB that ships the file "
                    + "expects its version. Repeatable.")
    private List<String> winbindex = new ArrayList<>();

    @Option(names = "--winbindex-dir", paramLabel = "PATH", defaultValue = "C:\\Windows\\System32",
            description = "Where the files of --winbindex records live (default: ${DEFAULT-VALUE}).")
    private String winbindexDir;

    @Option(names = "--machine", paramLabel = "amd64|x86|arm64", defaultValue = "amd64",
            description = "Which builds of a --winbindex record to expect (default: ${DEFAULT-VALUE}).")
    private Machine machine;

    @Option(names = "--installed", paramLabel = "FILE",
            description = "Installed updates captured with systeminfo, wmic qfe or Get-HotFix (any language, UTF-16 "
                    + "or a console code page; detected). Repeatable. Without it every catalogued update is checked.")
    private List<String> installed = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1",
            heading = "Pending queue (at most one; without it, --image reads the image's SYSTEM hive if it has one):%n")
    private QueueSourceOptions queue;

    @Option(names = "--live",
            description = "The running Windows (Windows only): the queue of HKLM\\SYSTEM, the installed updates of "
                    + "HKLM\\SOFTWARE, file versions from the system drive, %%SystemRoot%% as the Windows directory. "
                    + "Not with --image or a queue source.")
    private boolean live;

    @Option(names = "--image", paramLabel = "DIR",
            description = "A mounted Windows volume, or a directory standing for the drive: gives file versions "
                    + "(without it every file is unverifiable) and, without a queue source, the pending queue from "
                    + "Windows\\System32\\config\\SYSTEM when the image has one; the installed updates and legacy hotfix file "
                    + "lists of Windows\\System32\\config\\SOFTWARE when it has that.")
    private String image;

    @Option(names = "--signatures",
            description = "With --image or --live: a file current by version must also be validly signed, inline or "
                    + "through a catalog in the image's CatRoot (UNSIGNED, NOT_IN_CATALOG, SIGNATURE_INVALID otherwise). Hashes "
                    + "every expected file. See docs/trust.md.")
    private boolean signatures;

    @Option(names = "--trust-store", paramLabel = "FILE|DIR",
            description = "With --signatures: PEM or DER certificates (a file, or a directory of them) signature "
                    + "chains must lead to. Default: none, signatures are checked but chains are not validated.")
    private String trustStore;

    @Option(names = "--drive", paramLabel = "LETTER", defaultValue = "C",
            description = "The drive letter --image stands for (default: ${DEFAULT-VALUE}).")
    private char drive;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "What \\SystemRoot means in queue paths (default: ${DEFAULT-VALUE}).")
    private String systemRoot;

    @Option(names = "--rules", paramLabel = "windows|wine", defaultValue = "windows",
            description = "Whose boot-time rules to simulate (default: ${DEFAULT-VALUE}).")
    private RulesOption rules;

    @Option(names = "--lenient",
            description = "Read a damaged hive as far as possible: skip broken structures and report each.")
    private boolean lenient;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Output output;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        LiveSource liveSource = live ? liveMachine() : null;
        MachineSource source = liveSource == null ? null : liveSource.machine();
        VerifyInputs inputs = new VerifyInputs(context);
        UpdateCatalog catalog = inputs.catalog(catalogs, winbindex, winbindexDir, machine.type);
        HotfixInventory inventory = inputs.inventory(installed);
        LoadedQueue loaded;
        if (source != null) {
            loaded = MachineQueue.load(source, rules.rules(), liveSource.signatures());
        } else {
            loaded = new QueueLoader(context).load(Optional.ofNullable(queue), Optional.ofNullable(image), drive,
                    systemRoot, rules, lenient, QueueLoader.WithoutSource.EMPTY_QUEUE,
                    new QueueLoader.Signatures(signatures, trustStore));
            if (loaded.volume() instanceof ImageVolume volume) {
                source = HiveFileMachine.image(volume, new PathContext(WinPath.parse(systemRoot, null)),
                        lenient ? RegfOptions.LENIENT : RegfOptions.STRICT);
            }
        }
        BootResult boot = new BootSimulator(loaded.rules()).run(loaded.queue(), loaded.volume());
        ContentDigest digest = loaded.volume() instanceof ImageVolume volume ? new ImageDigest(volume) : ContentDigest.NONE;
        try (MachineSource m = source) {
            Optional<RegistryUpdates> servicing = m == null ? Optional.empty()
                    : inputs.servicing(m, loaded.volume(), boot, digest);
            Optional<RegistryUpdates> registry = m == null ? Optional.empty() : inputs.registry(m);
            if (servicing.isPresent()) {
                inventory = inventory.merge(servicing.get().inventory());
                catalog = catalog.merge(servicing.get().catalog());
            }
            if (registry.isPresent()) {
                inventory = inventory.merge(registry.get().inventory());
                catalog = catalog.merge(registry.get().catalog());
            }
        }
        VerifyInputs.requireExpectedFiles(catalog, catalogs, winbindex);
        VerifyReport report = Verifier.verify(inventory, catalog, loaded.volume(), boot, digest, loaded.signatures());
        List<String> sources = new ArrayList<>(inputs.described());
        sources.add("volume: " + loaded.volumeSource());
        sources.add("pending queue: " + loaded.queueSource() + " (" + loaded.queue().operations().size() + " entries)");
        List<String> warnings = new ArrayList<>(inventory.warnings());
        warnings.addAll(loaded.warnings());
        if (output != null && output.json) {
            context.out().println(Json.write(VerifyJson.render(report, sources, warnings)));
        } else if (output != null && output.csv) {
            context.out().print(VerifyCsv.render(report));
        } else {
            context.out().print(VerifyText.render(report, sources, warnings));
        }
        boolean failed = report.hasRegression() || report.hasSignatureFailure();
        return (failed ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    /** The running Windows and how its files' signatures count. */
    private record LiveSource(MachineSource machine, SignaturePolicy signatures) {
    }

    /**
     * The running Windows, checked before any input is read: the queue, registry and files all come from it; with
     * {@code --signatures}, its files are read with their signers and the catalogs of its CatRoot.
     */
    private LiveSource liveMachine() throws IOException {
        if (queue != null || image != null) {
            throw new UsageException("--live reads the queue, the registry and the files of the running Windows: "
                    + "give no --image, --reg, --reg-query, --hive or --json-queue");
        }
        LiveWindows windows = context.live().open(context.environment());
        QueueLoader.Signatures options = new QueueLoader.Signatures(signatures, trustStore);
        if (!signatures) {
            if (trustStore != null) {
                throw new UsageException("--trust-store is used only with --signatures");
            }
            return new LiveSource(new LiveMachine(windows), SignaturePolicy.IGNORED);
        }
        CatalogIndex catalogs = CatRoot.index(windows.volume());
        LiveMachine machine = new LiveMachine(windows.withInspector(
                PeFileInspector.withSignatures(new QueueLoader(context).trustStore(options), catalogs)),
                catalogs.problems().entrySet().stream()
                        .map(e -> "catalog " + e.getKey() + " skipped: " + e.getValue()).toList());
        return new LiveSource(machine, SignaturePolicy.required(catalogs.catalogs().size()));
    }
}
