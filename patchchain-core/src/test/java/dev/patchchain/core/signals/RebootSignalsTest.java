package dev.patchchain.core.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.analysis.AttributionRule;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.registry.MapRegistry;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RebootSignalsTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final AttributionRules RULES = AttributionRules.of(List.of(
            new AttributionRule(Attribution.ANTIVIRUS, "Windows Defender", Pattern.compile("\\\\WINDOWS DEFENDER\\\\")),
            new AttributionRule(Attribution.WINDOWS_INSTALLER, "rollback", Pattern.compile("^[A-Z]:\\\\CONFIG\\.MSI\\\\"))));

    private final MapRegistry system = new MapRegistry().dword("Select", "Current", 1).key(SM);
    private final MapRegistry software = new MapRegistry().key("Microsoft\\Windows\\CurrentVersion");

    private SignalReport evaluate(Set<Attribution> ignore, VolumeState volume) {
        return RebootSignals.evaluate(new MachineRegistry(system, software),
                new SignalOptions(RULES, ignore, volume, PathContext.DEFAULT));
    }

    private SignalReport evaluate() {
        return evaluate(Set.of(), VolumeState.UNKNOWN);
    }

    @Test
    void aCleanMachineHasNoSignal() {
        SignalReport report = evaluate();
        assertThat(report.rebootPending()).isFalse();
        assertThat(report.controlSet()).isEqualTo("ControlSet001");
    }

    @Test
    void aQueueOfOnlyHousekeepingEntriesIsToldApartFromAnUpdate() {
        system.multiSz(SM, "PendingFileRenameOperations",
                "\\??\\C:\\ProgramData\\Microsoft\\Windows Defender\\a.tmp", "",
                "\\??\\C:\\Config.Msi\\1.rbf", "");
        assertThat(evaluate().signals()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo(SignalCode.FILE_RENAME_PENDING);
            assertThat(s.kind()).isEqualTo(SignalKind.HOUSEKEEPING);
            assertThat(s.evidence()).contains("2 entries").contains("Windows Defender");
        });
        system.multiSz(SM, "PendingFileRenameOperations2", "\\??\\C:\\Windows\\System32\\x.tmp",
                "!\\??\\C:\\Windows\\System32\\x.dll");
        SignalReport mixed = evaluate();
        assertThat(mixed.signals()).singleElement().extracting(RebootSignal::kind).isEqualTo(SignalKind.UPDATE);
        assertThat(mixed.entries()).extracting(QueueEntry::attribution)
                .containsExactly(Attribution.ANTIVIRUS, Attribution.WINDOWS_INSTALLER, Attribution.UNKNOWN);
    }

    @Test
    void ignoredClassesDoNotCount() {
        system.multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\ProgramData\\Microsoft\\Windows Defender\\a.tmp", "");
        SignalReport report = evaluate(Set.of(Attribution.ANTIVIRUS), VolumeState.UNKNOWN);
        assertThat(report.rebootPending()).isFalse();
        assertThat(report.ignored()).singleElement().satisfies(s -> assertThat(s.evidence()).contains("ignored"));
        assertThat(report.entries()).singleElement().extracting(QueueEntry::ignored).isEqualTo(true);

        system.multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\ProgramData\\Microsoft\\Windows Defender\\a.tmp", "",
                "\\??\\C:\\data\\b.tmp", "");
        SignalReport mixed = evaluate(Set.of(Attribution.ANTIVIRUS), VolumeState.UNKNOWN);
        assertThat(mixed.signals()).singleElement().satisfies(s -> {
            assertThat(s.evidence()).startsWith("1 entry: 1 unknown").contains("1 more of ignored classes");
            assertThat(s.kind()).isEqualTo(SignalKind.UPDATE);
        });
    }

    @Test
    void anEmptyQueueValueIsNotASignalButANote() {
        system.multiSz(SM, "PendingFileRenameOperations");
        SignalReport report = evaluate();
        assertThat(report.rebootPending()).isFalse();
        assertThat(report.notes()).anyMatch(n -> n.contains("without entries"));
    }

    @Test
    void entriesWhoseSourceIsGoneAreZombies() {
        system.multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\a.tmp", "", "\\??\\C:\\b.tmp", "");
        InMemoryVolume volume = new InMemoryVolume();
        volume.putFile(WinPath.parse("C:\\b.tmp"), FileFacts.unversioned(1, "test"));
        SignalReport report = evaluate(Set.of(), volume);
        assertThat(report.zombies()).singleElement().satisfies(z -> {
            assertThat(z.index()).isZero();
            assertThat(z.reason()).isEqualTo(Zombie.Reason.SOURCE_GONE);
        });
        volume.putFile(WinPath.parse("C:\\a.tmp"), FileFacts.unversioned(1, "test"));
        assertThat(evaluate(Set.of(), volume).zombies()).isEmpty();
        assertThat(evaluate().notes()).anyMatch(n -> n.contains("no volume"));
    }

    @Test
    void aQueueWrittenBeforeTheLastShutdownIsZombie() {
        system.multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\a.tmp", "");
        system.written(SM, Instant.parse("2024-01-01T00:00:00Z"));
        system.value("ControlSet001\\Control\\Windows", "ShutdownTime", fileTime(Instant.parse("2024-02-01T00:00:00Z")));
        assertThat(evaluate().zombies()).singleElement().satisfies(z -> {
            assertThat(z.reason()).isEqualTo(Zombie.Reason.PREDATES_SHUTDOWN);
            assertThat(z.evidence()).contains("2024-01-01T00:00:00Z").contains("2024-02-01T00:00:00Z");
        });
        system.written(SM, Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(evaluate().zombies()).isEmpty();
    }

    @Test
    void withoutSelectOnlyTheSoftwareHiveIsRead() {
        MapRegistry noSelect = new MapRegistry().key("ControlSet001\\Services\\Netlogon");
        noSelect.string("ControlSet001\\Services\\Netlogon", "JoinDomain", "x");
        software.key(SignalCode.CBS_REBOOT_PENDING.key());
        SignalReport report = RebootSignals.evaluate(new MachineRegistry(noSelect, software),
                new SignalOptions(RULES, Set.of(), VolumeState.UNKNOWN, PathContext.DEFAULT));
        assertThat(report.signals()).extracting(RebootSignal::code).containsExactly(SignalCode.CBS_REBOOT_PENDING);
        assertThat(report.notes()).anyMatch(n -> n.contains("no Select\\Current"));
    }

    @Test
    void aDefaultControlSetThatDiffersIsNoted() {
        system.dword("Select", "Default", 2);
        assertThat(evaluate().notes()).anyMatch(n -> n.contains("Select\\Default = 2 differs"));
    }

    /** Sets one indicator, so that it appears. */
    private static final List<Consumer<RebootSignalsTest>> SETTERS = List.of(
            t -> t.software.key(SignalCode.CBS_REBOOT_PENDING.key()),
            t -> t.software.key(SignalCode.CBS_REBOOT_IN_PROGRESS.key()),
            t -> t.software.key(SignalCode.CBS_PACKAGES_PENDING.key()),
            t -> t.software.key(SignalCode.WU_REBOOT_REQUIRED.key()),
            t -> t.software.key(SignalCode.WU_POST_REBOOT_REPORTING.key()),
            t -> t.software.key(SignalCode.WU_SERVICES_PENDING.key() + "\\{7971f918-a847-4430-9279-4a52d1efe18d}"),
            t -> t.software.dword("Microsoft\\Updates", "UpdateExeVolatile", 1),
            t -> t.software.key(SignalCode.SERVER_MANAGER_REBOOT_ATTEMPTS.key()),
            t -> t.software.key(SignalCode.INSTALLER_IN_PROGRESS.key()),
            t -> t.software.key(SignalCode.CONFIGMGR_REBOOT_DATA.key()),
            t -> t.software.key(SignalCode.CONFIGMGR_UPDATES_REBOOT_STATUS.key() + "\\16777218"),
            t -> t.software.string(SignalCode.DVD_REBOOT_SIGNAL.key(), "DVDRebootSignal", "x"),
            t -> t.system.multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\a.tmp", ""),
            t -> t.system.multiSz(SM, "SetupExecute", "C:\\Windows\\System32\\poqexec.exe /display_progress"),
            t -> t.system.string("ControlSet001\\Services\\Tcpip\\Parameters", "NV Hostname", "NEWNAME"),
            t -> t.system.string("ControlSet001\\Services\\Netlogon", "AvoidSpnSet", "1"));

    @Test
    void randomSetsOfIndicatorsAreReportedExactly() {
        assertThat(SETTERS).hasSize(SignalCode.values().length);
        long seed = new Random().nextLong();
        System.out.println("RebootSignalsTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            RebootSignalsTest t = new RebootSignalsTest();
            t.system.string("ControlSet001\\Services\\Tcpip\\Parameters", "Hostname", "OLDNAME");
            t.system.string("ControlSet001\\Services\\Tcpip\\Parameters", "NV Hostname", "oldname");
            EnumSet<SignalCode> set = EnumSet.noneOf(SignalCode.class);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < SETTERS.size(); i++) {
                if (random.nextBoolean()) {
                    order.add(i);
                    set.add(SignalCode.values()[i]);
                }
            }
            order.forEach(i -> SETTERS.get(i).accept(t));
            assertThat(t.evaluate().signals()).as("seed %d round %d", seed, round)
                    .extracting(RebootSignal::code).containsExactlyElementsOf(set);
        }
    }

    private static RegistryValue fileTime(Instant when) {
        long ticks = (when.getEpochSecond() + 11_644_473_600L) * 10_000_000L;
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (ticks >>> (8 * i));
        }
        return new RegistryValue(RegistryValue.REG_BINARY, b);
    }
}
