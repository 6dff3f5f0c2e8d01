package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The damaged and foreign files of the corpus, opened and fully walked in strict and in lenient mode: each is read
 * or rejected with a {@link FormatException} of the listed kind (never another exception, never a hang), and
 * lenient mode reads every regf file whose base block is usable, listing what it skipped.
 */
class RegfTortureCorpusTest {

    private static final String Y = "hives/yarp/hives_for_tests/";

    /** File, and the strict outcome: "read" or the FormatException kind. */
    private static final Map<String, String> STRICT = new TreeMap<>(Map.ofEntries(
            Map.entry(Y + "BadListHive", "CORRUPT"),
            Map.entry(Y + "BadSubkeyHive", "CORRUPT"),
            Map.entry(Y + "InvalidParentHive", "CORRUPT"),
            Map.entry(Y + "DeletedDataHiveTruncated", "CORRUPT"),
            Map.entry(Y + "TruncatedHive", "CORRUPT"),
            Map.entry(Y + "TruncatedDirtyHive", "CORRUPT"),
            Map.entry(Y + "TruncatedNameHive", "CORRUPT"),
            Map.entry(Y + "TruncatedHiveBin", "NOT_THIS_FORMAT"),
            Map.entry(Y + "InvalidParentFragment", "NOT_THIS_FORMAT"),
            Map.entry(Y + "GarbageHive", "CORRUPT"),
            Map.entry(Y + "EffectiveSizeHive", "CORRUPT"),
            Map.entry(Y + "OldLogWithRemnantData", "UNSUPPORTED"),
            Map.entry(Y + "TruncatedPairHive", "read"),
            Map.entry(Y + "TruncatedPairHive2", "read"),
            Map.entry("hives/regipy/corrupted_system_hive", "CORRUPT"),
            Map.entry("hives/dfwinreg/USER.DAT", "NOT_THIS_FORMAT")));

    @Test
    void eachTortureFileIsReadOrRejectedTyped() throws IOException {
        Map<String, String> strict = new TreeMap<>();
        for (String name : STRICT.keySet()) {
            Path file = Corpus.require(name);
            strict.put(name, outcome(file, RegfOptions.STRICT));
            String lenient = outcome(file, RegfOptions.LENIENT);
            System.out.println("[torture] " + name + ": strict " + strict.get(name) + ", lenient " + lenient);
            if (!STRICT.get(name).equals("NOT_THIS_FORMAT") && !STRICT.get(name).equals("UNSUPPORTED")) {
                assertThat(lenient).as(name + " lenient").startsWith("read");
            }
        }
        assertThat(strict).isEqualTo(STRICT);
    }

    private static String outcome(Path file, RegfOptions options) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (RegfHive hive = RegfHive.open(file, options)) {
                int keys = RegfExport.export(hive.rootKey(), "").keys().size();
                return options.lenient() ? "read (" + keys + " keys, " + hive.warnings().size() + " warnings)" : "read";
            } catch (FormatException e) {
                assertThat(e.getMessage()).as("names the file").startsWith(file.getFileName().toString());
                return e.kind().name();
            }
        });
    }
}
