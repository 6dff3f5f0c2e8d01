package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.signals.Hive;
import dev.patchchain.core.signals.SignalCode;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code patchchain signals} on SYSTEM and SOFTWARE hives built with {@link RegfBuilder}. */
class SignalsCommandTest {

    private static final String CS = "ControlSet001\\";
    private static final String SM = CS + "Control\\Session Manager";
    private static final String TCPIP = CS + "Services\\Tcpip\\Parameters";
    private static final String NETLOGON = CS + "Services\\Netlogon";
    private static final int REG_SZ = 1;
    private static final int REG_BINARY = 3;
    private static final int REG_DWORD = 4;
    private static final int REG_MULTI_SZ = 7;

    @TempDir
    Path dir;

    /** The two hives of a machine with no reboot pending; cases add to them (the builder appends values, so a
     *  value a case sets is not in the clean machine: Tcpip's {@code NV Hostname} is set by the rename case). */
    record Machine(RegfBuilder system, RegfBuilder software) {
        static Machine clean() {
            return new Machine(new RegfBuilder()
                    .value("Select", "Current", REG_DWORD, dword(1))
                    .value(SM, "ObjectDirectories", REG_MULTI_SZ, multiSz("\\Windows"))
                    .value(TCPIP, "Hostname", REG_SZ, sz("WIN10"))
                    .key(NETLOGON),
                    new RegfBuilder().key("Microsoft\\Windows\\CurrentVersion\\Component Based Servicing")
                            .key("Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update")
                            .key("Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Services\\Pending")
                            .key("Microsoft\\Windows\\CurrentVersion\\RunOnce")
                            .key("Microsoft\\Updates"));
        }
    }

    /** For every indicator: what makes it appear, and a nearby state that makes it go away. */
    static Stream<Arguments> indicators() {
        List<Arguments> cases = new ArrayList<>();
        for (SignalCode code : List.of(SignalCode.CBS_REBOOT_PENDING, SignalCode.CBS_REBOOT_IN_PROGRESS,
                SignalCode.CBS_PACKAGES_PENDING, SignalCode.WU_REBOOT_REQUIRED, SignalCode.WU_POST_REBOOT_REPORTING,
                SignalCode.SERVER_MANAGER_REBOOT_ATTEMPTS, SignalCode.INSTALLER_IN_PROGRESS,
                SignalCode.CONFIGMGR_REBOOT_DATA)) {
            cases.add(Arguments.of(code, (Consumer<Machine>) m -> m.software().key(code.key()),
                    (Consumer<Machine>) m -> m.software().key(code.key() + "Not")));
        }
        cases.add(Arguments.of(SignalCode.WU_SERVICES_PENDING,
                (Consumer<Machine>) m -> m.software().key(SignalCode.WU_SERVICES_PENDING.key()
                        + "\\{7971f918-a847-4430-9279-4a52d1efe18d}"),
                (Consumer<Machine>) m -> m.software().key(SignalCode.WU_SERVICES_PENDING.key())));
        cases.add(Arguments.of(SignalCode.CONFIGMGR_UPDATES_REBOOT_STATUS,
                (Consumer<Machine>) m -> m.software().key(SignalCode.CONFIGMGR_UPDATES_REBOOT_STATUS.key() + "\\16777218"),
                (Consumer<Machine>) m -> m.software().key(SignalCode.CONFIGMGR_UPDATES_REBOOT_STATUS.key())));
        cases.add(Arguments.of(SignalCode.UPDATE_EXE_VOLATILE,
                (Consumer<Machine>) m -> m.software().value("Microsoft\\Updates", "UpdateExeVolatile", REG_DWORD, dword(1)),
                (Consumer<Machine>) m -> m.software().value("Microsoft\\Updates", "UpdateExeVolatile", REG_DWORD, dword(0))));
        cases.add(Arguments.of(SignalCode.DVD_REBOOT_SIGNAL,
                (Consumer<Machine>) m -> m.software().value(SignalCode.DVD_REBOOT_SIGNAL.key(), "DVDRebootSignal",
                        REG_BINARY, new byte[] {2, 0, 0, 0}),
                (Consumer<Machine>) m -> m.software().value(SignalCode.DVD_REBOOT_SIGNAL.key(), "OneDriveSetup",
                        REG_SZ, sz("x"))));
        cases.add(Arguments.of(SignalCode.FILE_RENAME_PENDING,
                (Consumer<Machine>) m -> m.system().value(SM, "PendingFileRenameOperations2", REG_MULTI_SZ,
                        multiSz("\\??\\C:\\Windows\\WinSxS\\Temp\\PendingRenames\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll")),
                (Consumer<Machine>) m -> m.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ, multiSz())));
        cases.add(Arguments.of(SignalCode.SETUP_EXECUTE,
                (Consumer<Machine>) m -> m.system().value(SM, "SetupExecute", REG_MULTI_SZ,
                        multiSz("C:\\Windows\\System32\\poqexec.exe /display_progress \\??\\C:\\Windows\\WinSxS\\pending.xml")),
                (Consumer<Machine>) m -> m.system().value(SM, "SetupExecute", REG_MULTI_SZ, multiSz())));
        cases.add(Arguments.of(SignalCode.COMPUTER_RENAME,
                (Consumer<Machine>) m -> m.system().value(TCPIP, "NV Hostname", REG_SZ, sz("NEWNAME")),
                (Consumer<Machine>) m -> m.system().value(TCPIP, "NV Hostname", REG_SZ, sz("win10"))));
        cases.add(Arguments.of(SignalCode.DOMAIN_JOIN,
                (Consumer<Machine>) m -> m.system().value(NETLOGON, "JoinDomain", REG_SZ, sz("CORP")),
                (Consumer<Machine>) m -> m.system().value(NETLOGON, "DependOnService", REG_MULTI_SZ, multiSz("LanmanWorkstation"))));
        assertThat(cases).extracting(a -> a.get()[0]).containsExactlyInAnyOrder((Object[]) SignalCode.values());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void everyIndicatorAppearsAndGoesAway(SignalCode code, Consumer<Machine> appear, Consumer<Machine> goAway)
            throws Exception {
        Machine present = Machine.clean();
        appear.accept(present);
        CliRun run = run(present, "--json");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.json().get("signals")).extracting(s -> s.get("code").asText()).containsExactly(code.id());
        assertThat(run.json().get("signals").get(0).get("source").asText()).startsWith(code.hive().name() + "\\");

        Machine absent = Machine.clean();
        goAway.accept(absent);
        CliRun clean = run(absent, "--json");
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.json().get("signals")).isEmpty();
        assertThat(clean.json().get("reboot_pending").asBoolean()).isFalse();
    }

    @Test
    void theTextSaysWhyAndTellsHousekeepingApart() throws Exception {
        Machine m = Machine.clean();
        m.software().key(SignalCode.CBS_REBOOT_PENDING.key());
        m.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ,
                multiSz("\\??\\C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\x.tmp", ""));
        CliRun run = run(m);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("A reboot is pending because:")
                .contains("[cbs-reboot-pending] component servicing (CBS) has changes that complete at the reboot")
                .contains("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending: the key exists")
                .contains("[file-rename-pending]").contains("(housekeeping only: no update waits for it)")
                .contains("Windows Defender")
                .contains("Result: a reboot is pending (2 signal(s)).");
    }

    @Test
    void ignoringAClassMakesAQueueOfOnlyThatClassNotCount() throws Exception {
        Machine m = Machine.clean();
        m.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ,
                multiSz("\\??\\C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\x.tmp", ""));
        assertThat(run(m).exit()).isEqualTo(1);
        CliRun ignored = run(m, "--ignore", "antivirus", "--json");
        assertThat(ignored.exit()).as(ignored.err()).isZero();
        JsonNode json = ignored.json();
        assertThat(json.get("ignored")).extracting(s -> s.get("code").asText()).containsExactly("file-rename-pending");
        assertThat(json.get("queue").get(0).get("attribution").asText()).isEqualTo("antivirus");
        assertThat(json.get("queue").get(0).get("rule").asText()).isEqualTo("Windows Defender");
        assertThat(json.get("input").get("ignore")).extracting(JsonNode::asText).containsExactly("antivirus");
        assertThat(run(m, "--ignore", "antivirus").out()).contains("No reboot is pending.").contains("Ignored (--ignore):");
    }

    @Test
    void anImageGivesTheHivesAndTheVolumeForZombies() throws Exception {
        Machine m = Machine.clean();
        m.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ,
                multiSz("\\??\\C:\\Windows\\Temp\\gone.tmp", "", "\\??\\C:\\Windows\\Temp\\here.tmp", ""));
        Path image = dir.resolve("img");
        Path config = Files.createDirectories(image.resolve("Windows/System32/config"));
        Files.write(config.resolve("SYSTEM"), m.system().build());
        Files.write(config.resolve("SOFTWARE"), m.software().build());
        Files.writeString(Files.createDirectories(image.resolve("Windows/Temp")).resolve("here.tmp"), "x");
        CliRun run = CliRun.run(dir, "signals", "--image", "img", "--json");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.json().get("zombies")).singleElement().satisfies(z -> {
            assertThat(z.get("index").asInt()).isZero();
            assertThat(z.get("reason").asText()).isEqualTo("source-gone");
        });
        assertThat(CliRun.run(dir, "signals", "--image", "img").out()).contains("#0 source gone: C:\\Windows\\Temp\\gone.tmp");
    }

    @Test
    void aQueueOlderThanTheLastShutdownIsZombie() throws Exception {
        Machine m = Machine.clean();
        m.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ, multiSz("\\??\\C:\\a.tmp", ""));
        m.system().value(CS + "Control\\Windows", "ShutdownTime", REG_BINARY, qword(RegfBuilder.TIMESTAMP + 10_000_000L));
        assertThat(run(m, "--json").json().get("zombies")).singleElement()
                .satisfies(z -> assertThat(z.get("reason").asText()).isEqualTo("predates-shutdown"));
        Machine later = Machine.clean();
        later.system().value(SM, "PendingFileRenameOperations", REG_MULTI_SZ, multiSz("\\??\\C:\\a.tmp", ""));
        later.system().value(CS + "Control\\Windows", "ShutdownTime", REG_BINARY, qword(RegfBuilder.TIMESTAMP - 10_000_000L));
        assertThat(run(later, "--json").json().get("zombies")).isEmpty();
    }

    @Test
    void theDocListsEveryIndicatorWithItsHiveAndKey() throws Exception {
        String root = System.getenv().getOrDefault("PATCHCHAIN_REPO_ROOT", "..");
        List<String> rows = Files.readAllLines(Path.of(root, "docs", "signals.md"));
        for (SignalCode code : SignalCode.values()) {
            String prefix = code.hive() == Hive.SYSTEM ? "CurrentControlSet\\" : "";
            assertThat(rows).as(code.id()).anySatisfy(row -> assertThat(row)
                    .startsWith("| `" + code.id() + "` | " + code.hive() + " | `" + prefix + code.key()));
        }
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(CliRun.run(dir, "signals").exit()).isEqualTo(2);
        CliRun badClass = run(Machine.clean(), "--ignore", "firewall");
        assertThat(badClass.exit()).isEqualTo(2);
        assertThat(badClass.err()).contains("--ignore firewall").contains("antivirus");
        Files.write(dir.resolve("NOTSYSTEM"), new RegfBuilder().key("Microsoft").build());
        Files.write(dir.resolve("SOFTWARE"), Machine.clean().software().build());
        CliRun notSystem = CliRun.run(dir, "signals", "--hive-system", "NOTSYSTEM", "--hive-software", "SOFTWARE");
        assertThat(notSystem.exit()).isEqualTo(2);
        assertThat(notSystem.err()).contains("not a SYSTEM hive");
        assertThat(CliRun.run(dir, "signals", "--image", dir.toString()).exit()).isEqualTo(2);
    }

    private CliRun run(Machine m, String... options) throws Exception {
        Files.write(dir.resolve("SYSTEM"), m.system().build());
        Files.write(dir.resolve("SOFTWARE"), m.software().build());
        List<String> args = new ArrayList<>(List.of("signals", "--hive-system", "SYSTEM", "--hive-software", "SOFTWARE"));
        args.addAll(Arrays.asList(options));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    private static byte[] dword(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] qword(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] sz(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] multiSz(String... strings) {
        return MultiSz.of(List.of(strings)).encode();
    }
}
