package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final String NTDLL = "C:\\\\Windows\\\\System32\\\\ntdll.dll";

    @TempDir
    Path dir;

    private void manifest(String name, String id, String engine, String files, String registry) throws IOException {
        Files.writeString(dir.resolve(name), """
                {"format": "patchchain-package", "version": 1, "id": "%s", "engine": "%s",
                 "files": [%s], "registry": [%s]}
                """.formatted(id, engine, files, registry));
    }

    private void seed(String onDisk) throws IOException {
        manifest("kb1.json", "KB1", "update.exe",
                "{\"path\": \"" + NTDLL + "\", \"version\": \"6.1.0.3\"" + onDisk + "}", "");
        manifest("kb2.json", "KB2", "naive",
                "{\"path\": \"" + NTDLL + "\", \"version\": \"6.1.0.2\"" + onDisk + "}", "");
    }

    @Test
    void seedDowngradeNeedsAChainAndPrintsTheTraceAndSchedule() throws IOException {
        seed(", \"onDisk\": \"6.1.0.1\"");

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Conflicts: 1\n  C:\\Windows\\System32\\ntdll.dll: KB1 installs 6.1.0.3 "
                        + "(disk and queue, in use); KB2 installs 6.1.0.2 (disk only, in use)")
                .contains("All 2 packages: SAFE_WITH_CHAIN")
                .contains("Why not SAFE_SEQUENTIAL_NO_REBOOT (C:\\Windows\\System32\\ntdll.dll):")
                .contains("3. KB2 (naive installer) reads C:\\Windows\\System32\\ntdll.dll: 6.1.0.1 on disk")
                .contains("6. after the reboot ntdll.dll is 6.1.0.2 < 6.1.0.3")
                .contains("KB1 + KB2: SAFE_WITH_CHAIN")
                .contains("1. install KB1 and KB2 in parallel\n  2. patchchain queue chain --apply\n  3. reboot")
                .contains("Explored ");
    }

    @Test
    void versionsOnDiskComeFromTheImage() throws IOException {
        seed("");
        new TestImage(dir.resolve("img")).pe("C:\\Windows\\System32\\ntdll.dll", "6.1.0.1");

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.json().at("/set/verdict").asText()).isEqualTo("SAFE_WITH_CHAIN");
        assertThat(run.json().at("/set/counterexample/steps/2").asText()).contains("6.1.0.1 on disk");
        assertThat(run.json().at("/schedule/groups/0/chainBeforeReboot").asBoolean()).isTrue();
        assertThat(run.json().at("/statesExplored").asLong()).isPositive();
        assertThat(run.json().at("/conflicts/0/packages").toString()).isEqualTo("[\"KB1\",\"KB2\"]");
    }

    @Test
    void theImageWinsOverOnDiskAndSaysSo() throws IOException {
        seed(", \"onDisk\": \"6.1.0.9\"");
        new TestImage(dir.resolve("img")).pe("C:\\Windows\\System32\\ntdll.dll", "6.1.0.1");

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("6.1.0.1 on disk").contains("warning: the manifests' onDisk entries are ignored")
                .contains("warning: no C:\\Windows\\System32\\config\\SYSTEM in the image: the pending queue is not "
                        + "read");
    }

    @Test
    void runOnceOverwriteRequiresARebootBetween() throws IOException {
        String key = "\"key\": \"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce\", "
                + "\"value\": \"Setup\", \"type\": \"REG_MULTI_SZ\", ";
        manifest("a.json", "A", "naive", "", "{" + key + "\"mode\": \"append\", \"data\": [\"a.exe\"]}");
        manifest("b.json", "B", "naive", "", "{" + key + "\"mode\": \"set\", \"data\": [\"b.exe\"]}");

        CliRun run = CliRun.run(dir, "plan", "a.json", "b.json");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("All 2 packages: REBOOT_REQUIRED_BETWEEN").contains("a.exe never runs")
                .contains("Schedule (1 reboot(s) between groups, minimal)");
    }

    @Test
    void disjointPackagesExitCleanWithOneParallelWave() throws IOException {
        manifest("a.json", "A", "windows-installer", "{\"path\": \"C:\\\\a.dll\", \"version\": \"1.0\"}", "");
        manifest("b.json", "B", "naive", "{\"path\": \"C:\\\\b.dll\", \"version\": \"1.0\"}", "");

        CliRun run = CliRun.run(dir, "plan", "a.json", "b.json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Conflicts: none").contains("All 2 packages: SAFE_PARALLEL")
                .contains("1. install A and B in parallel");
    }

    @Test
    void badInputExitsTwoWithThePointer() throws IOException {
        manifest("a.json", "A", "msi", "", "");
        manifest("b.json", "A", "naive", "", "");

        CliRun bad = CliRun.run(dir, "plan", "a.json");
        CliRun twice = CliRun.run(dir, "plan", "b.json", "b.json");
        CliRun missing = CliRun.run(dir, "plan", "nope.json");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("a.json").contains("at /engine");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("package id A is used by an earlier manifest");
        assertThat(missing.exit()).isEqualTo(2);
    }
}
