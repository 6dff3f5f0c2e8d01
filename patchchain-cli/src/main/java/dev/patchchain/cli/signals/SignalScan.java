package dev.patchchain.cli.signals;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.signals.MachineRegistry;
import dev.patchchain.core.signals.RebootSignals;
import dev.patchchain.core.signals.SignalOptions;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.attribution.AttributionRulesReader;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a machine's reboot signals from its SYSTEM and SOFTWARE hive files, for {@code signals} and {@code scan}.
 *
 * <pre>{@code
 * SignalScan.Result r = SignalScan.evaluate(system, software, volume, pathContext, Set.of(), RegfOptions.STRICT);
 * r.report().rebootPending();
 * }</pre>
 */
public final class SignalScan {

    private SignalScan() {
    }

    /**
     * What the hives said.
     *
     * @param report   the signals, the queue's entries and the zombies
     * @param warnings the hive readers' warnings (lenient reading)
     */
    public record Result(SignalReport report, List<String> warnings) {

        /** Copies the list. */
        public Result {
            Objects.requireNonNull(report, "report");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param systemFile   the SYSTEM hive
     * @param softwareFile the SOFTWARE hive
     * @param volume       where the queue's sources are checked ({@link VolumeState#UNKNOWN} for none)
     * @param pathContext  what {@code \SystemRoot} means
     * @param ignored      attribution classes whose queue entries do not count
     * @param options      strict or lenient reading
     * @return the report
     * @throws IOException     if a hive cannot be read
     * @throws FormatException if a hive is malformed, or the SYSTEM hive has no {@code Select} key
     */
    public static Result evaluate(Path systemFile, Path softwareFile, VolumeState volume, PathContext pathContext,
                                  Set<Attribution> ignored, RegfOptions options) throws IOException {
        try (RegfHive system = RegfHive.open(systemFile, options);
             RegfHive software = RegfHive.open(softwareFile, options)) {
            if (system.key("Select").isEmpty()) {
                throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, systemFile.toString(), -1,
                        "no Select key: not a SYSTEM hive");
            }
            SignalReport report = RebootSignals.evaluate(
                    new MachineRegistry(new RegfRegistryView(system), new RegfRegistryView(software)),
                    new SignalOptions(AttributionRulesReader.defaults(), ignored, volume, pathContext));
            List<String> warnings = new ArrayList<>(system.warnings());
            warnings.addAll(software.warnings());
            return new Result(report, warnings);
        }
    }
}
