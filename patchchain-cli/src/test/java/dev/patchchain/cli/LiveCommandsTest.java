package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.machine.LiveWindowsOpener;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import dev.patchchain.platform.registry.FakeAdvapi;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code signals}, {@code verify} and {@code scan} with {@code --live}: off Windows a usage error; with a machine
 * whose registry is a fake Advapi32 behind the live registry view (and a directory standing for {@code C:\}), the
 * commands read it end to end, with the same results as the same keys in offline hive files.
 */
class LiveCommandsTest {

    private static final String DLL = "C:\\Windows\\System32\\win32k.sys";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\win32k.sys";
    private static final String CS = "ControlSet001";
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing";
    private static final String CATALOG = """
            {"format": "patchchain-update-catalog", "version": 1, "updates": [
              {"kb": "KB3146706",
               "files": [{"path": "C:\\\\Windows\\\\System32\\\\win32k.sys", "version": "6.1.7601.23403"}]}]}
            """;

    /** One machine's keys: hive, key, value name (null: key only), type, data. */
    private record Entry(String hive, String key, String name, int type, byte[] data) {
    }

    private static final List<Entry> MACHINE = List.of(
            new Entry("SYSTEM", "Select", "Current", RegistryValue.REG_DWORD, new byte[] {1, 0, 0, 0}),
            new Entry("SYSTEM", CS + "\\Control\\Session Manager", "PendingFileRenameOperations",
                    RegistryValue.REG_MULTI_SZ, MultiSz.of(List.of("\\??\\" + STAGED, "!\\??\\" + DLL,
                    "\\??\\C:\\Windows\\Temp\\gone.tmp", "")).encode()),
            new Entry("SYSTEM", CS + "\\Control\\ComputerName\\ComputerName", "ComputerName", RegistryValue.REG_SZ,
                    utf16("WS-0042")),
            new Entry("SOFTWARE", CBS + "\\RebootPending", null, 0, new byte[0]),
            new Entry("SOFTWARE", "Microsoft\\Cryptography", "MachineGuid", RegistryValue.REG_SZ,
                    utf16("5d3c9e52-7d6f-4f0e-9a57-0123456789ab")),
            new Entry("SOFTWARE", "Microsoft\\Windows NT\\CurrentVersion", "CurrentBuild", RegistryValue.REG_SZ,
                    utf16("19045")),
            new Entry("SOFTWARE", "Microsoft\\Windows NT\\CurrentVersion", "UBR", RegistryValue.REG_DWORD,
                    new byte[] {0x4A, 0x18, 0, 0}),
            new Entry("SOFTWARE", "Microsoft\\Windows NT\\CurrentVersion", "SystemRoot", RegistryValue.REG_SZ,
                    utf16("C:\\Windows")));

    @TempDir
    Path dir;

    private FakeAdvapi api() {
        FakeAdvapi api = new FakeAdvapi();
        for (Entry e : MACHINE) {
            if (e.name() == null) {
                api.key(e.hive() + "\\" + e.key());
            } else {
                api.value(e.hive() + "\\" + e.key(), e.name(), e.type(), e.data());
            }
        }
        return api;
    }

    private LiveWindowsOpener machine(FakeAdvapi api) {
        return environment -> new LiveWindows(api.view("SYSTEM"), api.view("SOFTWARE"), Map.of(), dir.resolve("c"),
                new PeFileInspector());
    }

    private CliRun live(String... args) {
        return CliRun.runLive(dir, machine(api()), args);
    }

    private void drive() throws Exception {
        new TestImage(dir.resolve("c")).pe(DLL, "6.1.7601.23403").pe(STAGED, "6.1.7601.17514");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "there --live reads the running Windows")
    void offWindowsLiveIsAUsageError() {
        for (String[] args : List.of(new String[] {"signals", "--live"},
                new String[] {"verify", "--live", "--catalog", "catalog.json"},
                new String[] {"scan", "--live"})) {
            CliRun run = CliRun.run(dir, args);

            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).contains("--live needs Windows");
        }
    }

    @Test
    void liveAndOfflineInputsExcludeEachOther() throws Exception {
        Files.createDirectories(dir.resolve("img"));

        CliRun signals = live("signals", "--live", "--image", "img");
        CliRun verify = live("verify", "--live", "--catalog", "catalog.json", "--reg", "pending.reg");
        CliRun scan = live("scan", "--live", "--hive", "SYSTEM");

        assertThat(signals.exit()).isEqualTo(2);
        assertThat(signals.err()).contains("give one of --live, --image DIR, or --hive-system and --hive-software");
        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.err()).contains("--live reads the queue");
        assertThat(scan.exit()).isEqualTo(2);
        assertThat(scan.err()).contains("--live reads the queue");
    }

    @Test
    void signalsReadTheLiveRegistryAndDrive() throws Exception {
        drive();

        CliRun run = live("signals", "--live", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.path("input").path("system").asText()).isEqualTo("HKLM\\SYSTEM (the running Windows)");
        assertThat(json.path("input").path("volume").asText()).contains("drive C: of the running Windows");
        assertThat(json.path("signals").findValuesAsText("code"))
                .containsExactly("cbs-reboot-pending", "file-rename-pending");
        assertThat(json.path("zombies").findValuesAsText("reason")).containsExactly("source-gone");
    }

    @Test
    void liveSignalsEqualThoseOfTheSameKeysInHiveFiles() throws Exception {
        drive();
        for (String hive : List.of("SYSTEM", "SOFTWARE")) {
            RegfBuilder builder = new RegfBuilder();
            MACHINE.stream().filter(e -> e.hive().equals(hive)).forEach(e -> {
                if (e.name() == null) {
                    builder.key(e.key());
                } else {
                    builder.value(e.key(), e.name(), e.type(), e.data());
                }
            });
            Files.write(dir.resolve(hive), builder.build());
        }

        JsonNode live = live("signals", "--live", "--json").json();
        JsonNode files = CliRun.run(dir, "signals", "--hive-system", "SYSTEM", "--hive-software", "SOFTWARE", "--json")
                .json();

        assertThat(live.path("signals")).isEqualTo(files.path("signals"));
        assertThat(live.path("queue")).isEqualTo(files.path("queue"));
        assertThat(live.path("control_set")).isEqualTo(files.path("control_set"));
    }

    @Test
    void verifyJudgesTheLiveDriveBeforeAndAfterTheLiveQueue() throws Exception {
        drive();
        Files.writeString(dir.resolve("catalog.json"), CATALOG);

        CliRun run = live("verify", "--live", "--catalog", "catalog.json", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode file = run.json().path("updates").path(0).path("files").path(0);
        assertThat(file.path("status").asText()).isEqualTo("REGRESSES_AFTER_REBOOT");
        assertThat(file.path("now").asText()).isEqualTo("6.1.7601.23403");
        assertThat(file.path("afterReboot").asText()).isEqualTo("6.1.7601.17514");
        assertThat(run.json().path("inputs").toString()).contains("HKLM\\\\SYSTEM (the running Windows), "
                + "ControlSet001\\\\Control\\\\Session Manager");
    }

    @Test
    void verifyReadsTheLiveDrivesComponentStoreWithTheLiveCbsStates() throws Exception {
        String foo = "Microsoft-Windows-Foo";
        String pkg = ServicingImage.pkg("KB5000001", 1);
        new ServicingImage(dir.resolve("c")).component("amd64", foo, "10.0.1.1", "foo.dll")
                .component("amd64", foo, "10.0.1.2", "foo.dll")
                .mum(pkg, "KB5000001", 0x70, "amd64 " + foo + " 10.0.1.2")
                .project("amd64", foo, "10.0.1.1", "foo.dll", "C:\\Windows\\System32\\foo.dll");
        FakeAdvapi api = api();
        api.value("SOFTWARE\\" + CBS + "\\Packages\\" + pkg, "CurrentState", RegistryValue.REG_DWORD,
                new byte[] {0x70, 0, 0, 0});

        CliRun run = CliRun.runLive(dir, machine(api), "verify", "--live", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode update = run.json().path("updates").path(0);
        assertThat(update.path("id").asText()).isEqualTo("KB5000001");
        assertThat(update.path("source").asText()).isEqualTo("servicing");
        assertThat(update.path("status").asText()).isEqualTo("REGRESSED");
    }

    @Test
    void scanNamesTheMachineFromTheLiveRegistry() throws Exception {
        drive();

        CliRun run = live("scan", "--live");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode snapshot = run.json();
        assertThat(snapshot.path("machine").path("id").asText())
                .isEqualTo("5d3c9e52-7d6f-4f0e-9a57-0123456789ab");
        assertThat(snapshot.path("machine").path("host").asText()).isEqualTo("WS-0042");
        assertThat(snapshot.path("machine").path("os_build").asText()).isEqualTo("19045.6218");
        assertThat(snapshot.path("signals").path("reasons").findValuesAsText("code"))
                .containsExactly("cbs-reboot-pending", "file-rename-pending");
        assertThat(snapshot.path("queue").path("operations").asInt()).isEqualTo(2);
    }

    @Test
    void aKeyTheProcessMayNotReadIsAnIoFailureNamingIt() throws Exception {
        drive();
        FakeAdvapi api = api().deny("SOFTWARE\\" + CBS + "\\RebootPending");

        CliRun run = CliRun.runLive(dir, machine(api), "signals", "--live");

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("HKLM\\SOFTWARE\\" + CBS + "\\RebootPending: access denied");
    }

    private static byte[] utf16(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
