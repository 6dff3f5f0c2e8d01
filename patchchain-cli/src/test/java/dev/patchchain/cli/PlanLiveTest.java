package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.cli.machine.LiveWindowsOpener;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import dev.patchchain.platform.registry.FakeAdvapi;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --live}: the machine state read from the running Windows (here a fake Advapi32 behind the live
 * registry view and a directory standing for {@code C:\}) gives the same plan as the same keys in an image's SYSTEM
 * hive; off Windows, and combined with offline inputs, a usage error.
 */
class PlanLiveTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final String NTDLL = "C:\\Windows\\System32\\ntdll.dll";
    private static final String STAGED = "C:\\Windows\\System32\\ntdll.new";
    private static final byte[] CURRENT_1 = {1, 0, 0, 0};

    @TempDir
    Path dir;

    /** KB1 (update.exe, looks at the queue) brings ntdll 6.1.0.2, KB2 (naive, disk only) 6.1.0.3. */
    private void manifests() throws IOException {
        String ntdll = NTDLL.replace("\\", "\\\\");
        for (String[] kb : List.of(new String[] {"KB1", "update.exe", "6.1.0.2"},
                new String[] {"KB2", "naive", "6.1.0.3"})) {
            Files.writeString(dir.resolve(kb[0].toLowerCase() + ".json"), """
                    {"format": "patchchain-package", "version": 1, "id": "%s", "engine": "%s",
                     "files": [{"path": "%s", "version": "%s"}], "registry": []}
                    """.formatted(kb[0], kb[1], ntdll, kb[2]));
        }
    }

    private static byte[] queue(boolean stagedOntoNtdll) {
        List<String> strings = stagedOntoNtdll ? List.of("\\??\\" + STAGED, "!\\??\\" + NTDLL) : List.of();
        return MultiSz.of(strings).encode();
    }

    /** The running Windows: ntdll 6.1.0.1 on the drive, 6.1.0.4 staged beside it, the queue as given. */
    private LiveWindowsOpener windows(boolean stagedOntoNtdll) throws IOException {
        new TestImage(dir.resolve("c")).pe(NTDLL, "6.1.0.1").pe(STAGED, "6.1.0.4");
        FakeAdvapi api = new FakeAdvapi()
                .value("SYSTEM\\Select", "Current", RegistryValue.REG_DWORD, CURRENT_1)
                .value("SYSTEM\\" + SM, "PendingFileRenameOperations", RegistryValue.REG_MULTI_SZ,
                        queue(stagedOntoNtdll))
                .key("SOFTWARE\\Microsoft\\Windows\\CurrentVersion");
        return environment -> new LiveWindows(api.view("SYSTEM"), api.view("SOFTWARE"),
                Map.of("SystemRoot", "C:\\Windows"), dir.resolve("c"), new PeFileInspector());
    }

    @Test
    void theLiveQueueGivesTheSamePlanAsTheSameQueueInAnImage() throws IOException {
        manifests();
        CliRun live = CliRun.runLive(dir, windows(true), "plan", "kb1.json", "kb2.json", "--live", "--json");
        Path config = Files.createDirectories(dir.resolve("c/Windows/System32/config"));
        Files.write(config.resolve("SYSTEM"), new RegfBuilder()
                .value("Select", "Current", RegistryValue.REG_DWORD, CURRENT_1)
                .value(SM, "PendingFileRenameOperations", RegistryValue.REG_MULTI_SZ, queue(true)).build());
        CliRun image = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "c", "--json");

        assertThat(live.exit()).as(live.err()).isEqualTo(1);
        assertThat(live.json().at("/set/verdict").asText()).isEqualTo("SAFE_WITH_CHAIN");
        assertThat(live.json().at("/machine/queuedOperations").asInt()).isEqualTo(1);
        assertThat(live.json().get("conflicts").findValuesAsText("kind")).contains("PENDING_QUEUE");
        assertThat(live.json().get("set")).isEqualTo(image.json().get("set"));
        assertThat(live.json().get("conflicts")).isEqualTo(image.json().get("conflicts"));
    }

    @Test
    void anEmptyLiveQueueGivesTheCleanVerdict() throws IOException {
        manifests();

        CliRun run = CliRun.runLive(dir, windows(false), "plan", "kb1.json", "kb2.json", "--live", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().at("/set/verdict").asText()).isEqualTo("SAFE_SEQUENTIAL_NO_REBOOT");
        assertThat(run.json().get("conflicts").findValuesAsText("kind")).doesNotContain("PENDING_QUEUE");
    }

    @Test
    void liveAndOfflineInputsExcludeEachOther() throws IOException {
        manifests();

        CliRun run = CliRun.runLive(dir, windows(true), "plan", "kb1.json", "--live", "--image", "c");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give --live, or --image DIR and the hive options, not both");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "there --live reads the running Windows")
    void offWindowsLiveIsAUsageError() throws IOException {
        manifests();

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "--live");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--live needs Windows");
    }
}
