package dev.patchchain.cli.signals;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.hive.ImageHives;
import dev.patchchain.cli.hive.ImagePendingXml;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
            description = "The drive letter --image stands for (default: ${DEFAULT-VALUE}).")
    private char drive;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "The Windows directory: where --image keeps its hives and what \\SystemRoot means in queue "
                    + "paths (default: ${DEFAULT-VALUE}).")
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
        PathContext pathContext = pathContext();
        VolumeState volume = VolumeState.UNKNOWN;
        Path systemFile;
        Path softwareFile;
        String volumeSource = "none";
        List<String> warnings = new ArrayList<>();
        ImagePendingXml pendingXml = null;
        if (image != null) {
            if (hiveSystem != null || hiveSoftware != null) {
                throw new UsageException("give --image DIR or --hive-system and --hive-software, not both");
            }
            ImageVolume imageVolume = ImageVolume.open(context.resolve(image), driveLetter(), new PeFileInspector());
            volume = imageVolume;
            volumeSource = imageVolume.root() + " (drive " + imageVolume.drive() + ":)";
            systemFile = imageHive(imageVolume, pathContext, ImageHives.SYSTEM);
            softwareFile = imageHive(imageVolume, pathContext, ImageHives.SOFTWARE);
            try {
                pendingXml = ImagePendingXml.find(imageVolume, pathContext).orElse(null);
            } catch (FormatException e) {
                warnings.add(ImagePendingXml.where(pathContext) + " not read: " + e.getMessage());
            }
        } else if (hiveSystem != null && hiveSoftware != null) {
            systemFile = context.resolve(hiveSystem);
            softwareFile = context.resolve(hiveSoftware);
        } else {
            throw new UsageException("give --image DIR, or both --hive-system SYSTEM and --hive-software SOFTWARE");
        }
        RegfOptions options = lenient ? RegfOptions.LENIENT : RegfOptions.STRICT;
        SignalScan.Result scanned = SignalScan.evaluate(systemFile, softwareFile, volume, pathContext, ignored, options);
        SignalReport report = scanned.report();
        List<String> allWarnings = new ArrayList<>(scanned.warnings());
        allWarnings.addAll(warnings);
        SignalsInput input = new SignalsInput(systemFile.toString(), softwareFile.toString(), volumeSource,
                ignored, allWarnings, pendingXml);
        if (json) {
            context.out().println(Json.write(SignalsJson.render(report, input)));
        } else {
            context.out().print(SignalsText.render(report, input));
        }
        return (report.rebootPending() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
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

    private static Path imageHive(ImageVolume image, PathContext pathContext, String name) throws NoSuchFileException {
        return ImageHives.find(image, pathContext, name).orElseThrow(() -> new NoSuchFileException(image.root()
                + ": no " + ImageHives.where(pathContext, name) + " in the image (fix --system-root, or give "
                + "--hive-system and --hive-software)"));
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
