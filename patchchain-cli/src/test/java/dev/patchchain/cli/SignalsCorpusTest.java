package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.verify.RegistryInventory;
import dev.patchchain.core.verify.RegistryUpdates;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import dev.patchchain.testing.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real SYSTEM and SOFTWARE hives of the corpus are read by {@code signals} and the registry inventory. */
class SignalsCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {"hives/regipy/SYSTEM", "hives/regipy/SYSTEM_2"})
    void realSystemHivesGiveAReport(String system) {
        Path systemHive = Corpus.require(system);
        Path softwareHive = Corpus.require("hives/scancode/Software_Delta");
        CliRun run = CliRun.run(Path.of("."), "signals", "--hive-system", systemHive.toString(),
                "--hive-software", softwareHive.toString(), "--json");
        System.out.println(run.out());
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        assertThat(run.json().get("control_set").asText()).matches("ControlSet\\d{3}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hives/scancode/Software_Delta", "hives/regipy/SYSTEM"})
    void realHivesGiveARegistryInventory(String hive) throws Exception {
        try (RegfHive software = RegfHive.open(Corpus.require(hive), RegfOptions.STRICT)) {
            RegistryUpdates read = RegistryInventory.read(new RegfRegistryView(software), PathContext.DEFAULT);
            assertThat(read.inventory().updates()).allSatisfy(u -> assertThat(u.id().value()).isNotBlank());
        }
    }
}
