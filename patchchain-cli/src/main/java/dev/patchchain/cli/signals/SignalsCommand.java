package dev.patchchain.cli.signals;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.hive.ImageHives;
import dev.patchchain.cli.hive.ImagePendingXml;
import dev.patchchain.cli.machine.HiveFileMachine;
import dev.patchchain.cli.machine.LiveMachine;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patchchain signals}: every pending-reboot indicator of a machine, each with its reason. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = "Tell why a reboot is pending: every known indicator in the SYSTEM and SOFTWARE hives "
                + "(component servicing, Windows Update, the file rename queue, renames, domain joins, installers), "
                + "each with its reason code and evidence; the queue's entries attributed and its zombies found. "
                + "Exit 1 if any indicator that is not ignored is present, 0 if no reboot is pending.")
public final class SignalsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--live",
            description = "The running Windows (Windows only): HKLM\\SYSTEM and HKLM\\SOFTWARE through the registry API, "
                    + "the queue's sources checked on the system drive, %%SystemRoot%% as the Windows directory.")
    private boolean live;

    @Option(names = "--image", paramLabel = "DIR",
            description = "A mounted Windows volume: reads <system root>\\System32\\config\\SYSTEM and SOFTWARE, and "
                    + "checks that the queue's sources exist.")
    private String image;

    @Option(names = "--hive-system", paramLabel = "FILE", description = "An offline SYSTEM hive (with --hive-software).")
    private String hiveSystem;

    @Option(names = "--hive-software", paramLabel = "FILE",
            description = "An offline SOFTWARE hive (with --hive-system).")
    private String hiveSoftware;

    @Option(names = "--ignore", paramLabel = "CLASS",
            description = "Queue entries of this attribution class do not count (windows-installer, servicing, driver, "
                    + "antivirus, browser, installer-temp, unknown). Repeatable.")
    private List<String> ignore = new ArrayList<>();

    @Option(names = "--drive", paramLabel = "LETTER", defaultValue = "C",
            description = "The drive letter --image stands for (default: ${DEFAULT-VALUE}; --live: the system drive).")
    private char drive;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "The Windows directory: where --image keeps its hives and what \\SystemRoot means in queue "
                    + "paths (default: ${DEFAULT-VALUE}; --live: %%SystemRoot%%).")
    private String systemRoot;

    @Option(names = "--lenient",
            description = "Read a damaged hive as far as possible: skip broken structures and report each.")
    private boolean lenient;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    SignalsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Set<Attribution> ignored = ignoredClasses();
        List<String> warnings = new ArrayList<>();
        try (MachineSource machine = machine()) {
            ImagePendingXml pendingXml = null;
            if (machine.volume() instanceof ImageVolume volume) {
                try {
                    pendingXml = ImagePendingXml.find(volume, machine.pathContext()).orElse(null);
                } catch (IOException e) {
                    // broken, or (live, without rights) unreadable: the signals do not depend on it
                    warnings.add(ImagePendingXml.where(machine.pathContext()) + " not read: " + e.getMessage());
                }
            }
            SignalScan.Result scanned = SignalScan.evaluate(machine, ignored);
            SignalReport report = scanned.report();
            List<String> allWarnings = new ArrayList<>(scanned.warnings());
            allWarnings.addAll(warnings);
            SignalsInput input = new SignalsInput(scanned.system().name(), scanned.software().name(),
                    machine.volumeName(), ignored, allWarnings, pendingXml);
            if (json) {
                context.out().println(Json.write(SignalsJson.render(report, input)));
            } else {
                context.out().print(SignalsText.render(report, input));
            }
            return (report.rebootPending() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
        }
    }

    /** The running Windows, an image and its hives, or two hive files (their queue's sources then unchecked). */
    private MachineSource machine() throws IOException {
        RegfOptions options = lenient ? RegfOptions.LENIENT : RegfOptions.STRICT;
        int given = (live ? 1 : 0) + (image != null ? 1 : 0) + (hiveSystem != null || hiveSoftware != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give one of --live, --image DIR, or --hive-system and --hive-software");
        }
        if (live) {
            return new LiveMachine(context.live().open(context.environment()));
        }
        PathContext pathContext = pathContext();
        if (image != null) {
            ImageVolume imageVolume = ImageVolume.open(context.resolve(image), driveLetter(), new PeFileInspector());
            HiveFileMachine machine = HiveFileMachine.image(imageVolume, pathContext, options);
            requireHive(imageVolume, pathContext, machine.system().isPresent(), ImageHives.SYSTEM);
            requireHive(imageVolume, pathContext, machine.software().isPresent(), ImageHives.SOFTWARE);
            return machine;
        }
        if (hiveSystem != null && hiveSoftware != null) {
            return new HiveFileMachine(Optional.of(context.resolve(hiveSystem)), Optional.of(context.resolve(hiveSoftware)),
                    VolumeState.UNKNOWN, "none", pathContext, options);
        }
        throw new UsageException("give --live, --image DIR, or both --hive-system SYSTEM and --hive-software SOFTWARE");
    }

    private Set<Attribution> ignoredClasses() {
        Set<Attribution> out = EnumSet.noneOf(Attribution.class);
        for (String name : ignore) {
            out.add(Attribution.parse(name).orElseThrow(() -> new UsageException("--ignore " + name
                    + ": not an attribution class; expected one of "
                    + Arrays.stream(Attribution.values()).map(Attribution::id).toList())));
        }
        return out;
    }

    private static void requireHive(ImageVolume image, PathContext pathContext, boolean present, String name)
            throws NoSuchFileException {
        if (!present) {
            throw new NoSuchFileException(image.root() + ": no " + ImageHives.where(pathContext, name) + " in the image "
                    + "(fix --system-root, or give --hive-system and --hive-software)");
        }
    }

    private PathContext pathContext() {
        try {
            return new PathContext(WinPath.parse(systemRoot, null));
        } catch (WinPathException e) {
            throw new UsageException("--system-root " + systemRoot + ": " + e.getMessage());
        }
    }

    private char driveLetter() {
        if (!Character.isLetter(drive) || drive > 'z') {
            throw new UsageException("--drive " + drive + ": expected a drive letter A-Z");
        }
        return Character.toUpperCase(drive);
    }
}
