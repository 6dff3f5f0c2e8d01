package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.VersionProvider;
import dev.patchchain.cli.machine.HiveFileMachine;
import dev.patchchain.cli.machine.LiveMachine;
import dev.patchchain.cli.machine.MachineQueue;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.cli.queue.QueueInputOptions;
import dev.patchchain.cli.queue.QueueLoader;
import dev.patchchain.cli.signals.SignalScan;
import dev.patchchain.cli.verify.VerifyScan;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.fleet.agent.Delivery;
import dev.patchchain.fleet.agent.RetryPolicy;
import dev.patchchain.fleet.agent.SnapshotAgent;
import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotException;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchchain scan}: one machine's queue and findings as a snapshot, written out and/or posted to a server. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Analyse one machine's pending rename queue and write a snapshot (docs/formats/snapshot.md); "
                + "with its SYSTEM and SOFTWARE hives (--image, --hive and --hive-software, or --live for the running "
                + "Windows), the reboot signals too.",
                "With --post, the snapshot is spooled first and the spool is sent with retries: nothing is lost while "
                        + "the server is down; the next scan sends what waited.",
                "Exit 0 clean, 1 findings, 2 bad input, 3 not delivered (it waits in the spool)."})
public final class ScanCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private QueueInputOptions input;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--hive-software", paramLabel = "FILE",
            description = "An offline SOFTWARE hive: with the SYSTEM hive (--hive, or the image's), the snapshot's "
                    + "signals say why a reboot is pending (as `patchchain signals`). --image finds both by itself.")
    private String hiveSoftware;

    @Option(names = "--live",
            description = "The running Windows (Windows only): the queue, the identity and the reboot signals from "
                    + "HKLM\\SYSTEM and HKLM\\SOFTWARE, file versions from the system drive. Not with --image, --hive*, a "
                    + "queue source or --signatures.")
    private boolean live;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Verify the updates against this catalog (docs/formats/update-catalog.md, as `patchchain "
                    + "verify`) and put each update's worst status and per-status file counts in the snapshot's "
                    + "verification. Repeatable.")
    private List<String> catalogs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the snapshot here ('-' or no --post: standard output).")
    private String out;

    @Option(names = "--post", paramLabel = "URL", description = "Post to a patchchain server, e.g. http://fleet:8470 "
            + "(the path /api/v1/snapshots is added when missing).")
    private String post;

    @Option(names = "--token-file", paramLabel = "FILE", description = "The bearer token for --post (first line).")
    private Path tokenFile;

    @Option(names = "--spool", paramLabel = "DIR",
            description = "Where snapshots wait until delivered (default: ~/.patchchain/spool).")
    private Path spool;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Tries per snapshot before it waits for the next run, with backoff from 1 s doubling "
                    + "up to 8 s (default: ${DEFAULT-VALUE}).")
    private int retries;

    ScanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (retries < 1) {
            throw new UsageException("--retries " + retries + ": expected at least 1");
        }
        if (post != null && tokenFile == null) {
            throw new UsageException("--post needs --token-file");
        }
        if (live) {
            try (MachineSource machine = liveMachine()) {
                return scan(machine, MachineQueue.load(machine, input.bootRules()));
            }
        }
        LoadedQueue loaded = new QueueLoader(context).load(input);
        try (MachineSource machine = files(loaded)) {
            return scan(machine, loaded);
        }
    }

    /** The running Windows: the queue, the hives and the volume all come from it. */
    private MachineSource liveMachine() throws IOException {
        if (input.offlineInputGiven() || hiveSoftware != null) {
            throw new UsageException("--live reads the queue, the hives and the files of the running Windows: give no "
                    + "--image, --hive, --hive-software, --reg, --reg-query, --json-queue, --signatures or --trust-store");
        }
        return new LiveMachine(context.live().open(context.environment()));
    }

    private int scan(MachineSource machine, LoadedQueue loaded) throws IOException {
        AnalysisResult result = QueueAnalysis.analyze(loaded.queue(), loaded.volume(), loaded.rules());
        Clock clock = Clock.systemUTC();
        HiveIdentity named = HiveIdentity.read(machine);
        named.notes().forEach(n -> context.err().println("patchchain scan: note: " + n));
        MachineIdentity identified = identity.resolve(named);
        Optional<SignalReport> signals = signals(machine);
        Snapshot snapshot = SnapshotFactory.of(identified, UUID.randomUUID().toString(), clock.instant(),
                VersionProvider.version(), loaded, result, signals, verification(loaded, machine));
        byte[] json = SnapshotFormat.write(snapshot);
        try {
            SnapshotFormat.read(json, "the snapshot just made");
        } catch (SnapshotException e) {
            throw new UsageException("this input cannot make a valid snapshot: " + e.getMessage());
        }
        loaded.warnings().forEach(w -> context.err().println("patchchain scan: warning: " + w));
        if (out != null && !out.equals("-")) {
            Files.write(context.resolve(out), json);
        } else if (post == null || "-".equals(out)) {
            context.out().println(new String(json, StandardCharsets.UTF_8));
        }
        ExitCode code = result.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN;
        if (post != null && !deliver(json, clock)) {
            return ExitCode.FAILURE.code();
        }
        return code.code();
    }

    /** The SYSTEM hive (--hive, or the image's) and the SOFTWARE hive (--hive-software, or the image's). */
    private MachineSource files(LoadedQueue loaded) {
        Optional<Path> system = input.hive().map(context::resolve).or(() -> imageHive(loaded, "SYSTEM"));
        Optional<Path> software = Optional.ofNullable(hiveSoftware).map(context::resolve)
                .or(() -> imageHive(loaded, "SOFTWARE"));
        if (hiveSoftware != null && system.isEmpty()) {
            throw new UsageException("--hive-software needs a SYSTEM hive: give --hive SYSTEM or --image DIR");
        }
        return new HiveFileMachine(system, software, loaded.volume(), loaded.volumeSource(),
                new PathContext(input.systemRoot()), input.lenient() ? RegfOptions.LENIENT : RegfOptions.STRICT);
    }

    /** The verification, when catalogs are given. */
    private Optional<SnapshotFactory.Verification> verification(LoadedQueue loaded, MachineSource machine)
            throws IOException {
        if (catalogs.isEmpty()) {
            return Optional.empty();
        }
        VerifyReport report = VerifyScan.verify(context, catalogs, loaded, machine);
        return Optional.of(new SnapshotFactory.Verification(String.join(", ", catalogs), report));
    }

    /** The reboot signals, when the machine has both a SYSTEM and a SOFTWARE hive. */
    private Optional<SignalReport> signals(MachineSource machine) throws IOException {
        if (machine.system().isEmpty() || machine.software().isEmpty()) {
            return Optional.empty();
        }
        SignalScan.Result scanned = SignalScan.evaluate(machine, Set.of());
        scanned.warnings().forEach(w -> context.err().println("patchchain scan: warning: " + w));
        return Optional.of(scanned.report());
    }

    private boolean deliver(byte[] json, Clock clock) throws IOException {
        String token = TokenFile.read("--token-file", context.resolve(tokenFile.toString()));
        Path spoolDir = spool != null ? context.resolve(spool.toString())
                : Path.of(System.getProperty("user.home"), ".patchchain", "spool");
        SnapshotAgent agent = new SnapshotAgent(endpoint(post), token, spoolDir, new RetryPolicy(retries, RetryPolicy.DEFAULT.initial(), RetryPolicy.DEFAULT.max()), clock);
        Delivery d = agent.deliver(json);
        d.problems().forEach(p -> context.err().println("patchchain scan: " + p));
        context.err().printf("patchchain scan: sent %d new, %d already stored, %d rejected, %d waiting in %s%n",
                d.stored(), d.duplicates(), d.rejected(), d.waiting(), spoolDir);
        return d.complete();
    }

    /** A hive of the image's Windows installation, {@code <system root>\\System32\\config\\NAME}, if there is one. */
    private Optional<Path> imageHive(LoadedQueue loaded, String name) {
        if (!(loaded.volume() instanceof ImageVolume image)) {
            return Optional.empty();
        }
        Path file = image.resolve(input.systemRoot().resolve("System32").resolve("config").resolve(name));
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static URI endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--post " + url + ": not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new UsageException("--post " + url + ": expected an http:// or https:// URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/api/v1/snapshots") ? uri
                : uri.resolve((path.endsWith("/") ? path : path + "/") + "api/v1/snapshots");
    }
}
