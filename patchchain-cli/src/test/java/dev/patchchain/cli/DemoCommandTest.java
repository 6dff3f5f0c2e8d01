package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void findsTheDowngradeChainsItAndEndsClean() {
        CliRun run = CliRun.run(dir, "demo", "--dir", "demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("DOWNGRADE").contains("(exit code 1, expected 1)")
                .contains("Done: the downgrade was found");
        assertThat(dir.resolve("demo/chained.reg")).isRegularFile();
        assertThat(dir.resolve("demo/image/Windows/System32/file_a.dll")).isRegularFile();
    }

    @Test
    void jsonReportsEveryStepWithItsExitCode() {
        CliRun run = CliRun.run(dir, "demo", "--dir", "demo", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("as_expected").asBoolean()).isTrue();
        assertThat(json.get("steps")).hasSize(3);
        assertThat(json.get("steps").get(0).get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("steps").get(0).get("output").get("findings").toString()).contains("DOWNGRADE");
        assertThat(json.get("steps").get(2).get("output").get("safe_to_reboot").asBoolean()).isTrue();
    }

    @Test
    void refusesANonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");

        CliRun run = CliRun.run(dir, "demo", "--dir", ".");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty");
        assertThat(dir.resolve("keep.txt")).hasContent("mine");
    }
}
