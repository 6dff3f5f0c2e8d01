package dev.patchchain.cli.signals;

import dev.patchchain.cli.machine.MachineHive;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.signals.MachineRegistry;
import dev.patchchain.core.signals.RebootSignals;
import dev.patchchain.core.signals.SignalOptions;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.attribution.AttributionRulesReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a machine's reboot signals from its SYSTEM and SOFTWARE hives (files of an image, or the running Windows),
 * checking the queue's sources on its volume, for {@code signals} and {@code scan}.
 *
 * <pre>{@code
 * SignalScan.Result r = SignalScan.evaluate(machine, Set.of());
 * r.report().rebootPending();
 * }</pre>
 */
public final class SignalScan {

    private SignalScan() {
    }

    /**
     * What the hives said.
     *
     * @param system   the SYSTEM hive read
     * @param software the SOFTWARE hive read
     * @param report   the signals, the queue's entries and the zombies
     * @param warnings the hive readers' warnings (lenient reading)
     */
    public record Result(MachineHive system, MachineHive software, SignalReport report, List<String> warnings) {

        /** Copies the list. */
        public Result {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(software, "software");
            Objects.requireNonNull(report, "report");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param machine the machine: both hives, its volume ({@code UNKNOWN} for none) and its Windows directory
     * @param ignored attribution classes whose queue entries do not count
     * @return the report
     * @throws NoSuchFileException if the machine lacks one of the hives
     * @throws IOException         if a hive cannot be read
     * @throws FormatException     if a hive is malformed, or the SYSTEM hive has no {@code Select} key
     */
    public static Result evaluate(MachineSource machine, Set<Attribution> ignored) throws IOException {
        MachineHive system = machine.system().orElseThrow(() -> new NoSuchFileException(machine.volumeName()
                + ": no SYSTEM hive"));
        MachineHive software = machine.software().orElseThrow(() -> new NoSuchFileException(machine.volumeName()
                + ": no SOFTWARE hive"));
        if (!system.view().keyExists("Select")) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, system.name(), -1,
                    "no Select key: not a SYSTEM hive");
        }
        SignalReport report = RebootSignals.evaluate(new MachineRegistry(system.view(), software.view()),
                new SignalOptions(AttributionRulesReader.defaults(), ignored, machine.volume(), machine.pathContext()));
        return new Result(system, software, report, machine.warnings());
    }
}
