package dev.patchchain.core.plan;

import static dev.patchchain.core.plan.Packages.NTDLL;
import static dev.patchchain.core.plan.Packages.RUN_ONCE;
import static dev.patchchain.core.plan.Packages.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.Origin;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.registry.MapRegistry;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner starting from a machine with a pending queue, servicing's pending.xml and registry values. */
class MachineStatePlanTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final String STAGED = "C:\\Windows\\System32\\ntdll.new";
    private static final String OTHER = "C:\\Windows\\System32\\other.dll";

    private static InMemoryVolume disk() {
        return Packages.disk(NTDLL, "0.1");
    }

    private static InMemoryVolume diskWithStaged(String version) {
        return disk().putFile(WinPath.parse(STAGED), FileFacts.versioned(4096, FileVersion.parse(version)));
    }

    /** A SYSTEM hive whose queue renames ntdll.new onto ntdll.dll, or holds no queue when {@code strings} is empty. */
    private static MapRegistry system(String... strings) {
        MapRegistry system = new MapRegistry().dword("Select", "Current", 1).key(SM);
        return strings.length == 0 ? system : system.multiSz(SM, "PendingFileRenameOperations", strings);
    }

    private static MapRegistry queueingStaged() {
        return system("\\??\\" + STAGED, "!\\??\\" + NTDLL);
    }

    private static MachineState machine(InMemoryVolume disk, MapRegistry system, MapRegistry software) {
        return MachineState.of(disk).withRegistry(system, software, PathContext.DEFAULT);
    }

    private static Plan plan(MachineState machine, Packages... packages) {
        return new Planner(PlanOptions.DEFAULT).plan(List.of(packages).stream().map(Packages::build).toList(),
                machine);
    }

    private static Packages[] hotfixThenNaive() {
        return new Packages[] {pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.2"),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.3")};
    }

    @Test
    void aNewerFileAlreadyQueuedMakesASequentialSetNeedAChain() {
        Plan clean = plan(MachineState.of(diskWithStaged("0.4")), hotfixThenNaive());
        Plan queued = plan(machine(diskWithStaged("0.4"), queueingStaged(), null), hotfixThenNaive());

        assertThat(clean.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(queued.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        String pending = "0.4.0.0 (PendingFileRenameOperations[0])";
        assertThat(queued.set().counterexample().orElseThrow().steps()).containsExactly(
                "1. KB1 (update.exe hotfix installer) reads " + NTDLL + ": 0.1.0.0 on disk, queued [" + pending
                        + "], so it keeps it and skips 0.2.0.0",
                "2. KB1 leaves ntdll.dll alone",
                "3. KB2 (naive installer) reads " + NTDLL + ": 0.1.0.0 on disk (it does not look at the queue, where "
                        + "queued [" + pending + "]), so it will install 0.3.0.0",
                "4. KB2 stages ntdll.dll 0.3.0.0 as ntdll.dll.KB2.staged and queues its rename onto ntdll.dll (in use)",
                "5. reboot: the queue renames " + pending + ", then 0.3.0.0 onto ntdll.dll, in this order",
                "6. after the reboot ntdll.dll is 0.3.0.0 < 0.4.0.0 (the reference: each package alone, rebooting "
                        + "after each)");
        assertThat(queued.conflicts()).filteredOn(c -> c.kind() == ConflictKind.PENDING_QUEUE).singleElement()
                .satisfies(c -> {
                    assertThat(c.subject()).isEqualTo(NTDLL);
                    assertThat(c.packages()).containsExactly("KB1", "KB2");
                    assertThat(c.details()).contains("already queued: " + pending + ": \\??\\" + STAGED + " -> !\\??\\"
                            + NTDLL);
                });
        assertThat(clean.conflicts()).noneMatch(c -> c.kind() == ConflictKind.PENDING_QUEUE);
    }

    @Test
    void anEmptyQueueGivesTheVerdictOfACleanMachine() {
        Plan empty = plan(machine(diskWithStaged("0.4"), system(), null), hotfixThenNaive());

        assertThat(empty.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(empty.conflicts()).noneMatch(c -> c.kind() == ConflictKind.PENDING_QUEUE);
        assertThat(empty.set().counterexample().orElseThrow().steps())
                .isEqualTo(plan(MachineState.of(diskWithStaged("0.4")), hotfixThenNaive()).set().counterexample()
                        .orElseThrow().steps());
    }

    @Test
    void anOlderFileAlreadyQueuedRunsFirstAndTheSeedStillNeedsAChain() {
        Plan plan = plan(machine(diskWithStaged("0.2"), queueingStaged(), null),
                pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.2"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        assertThat(plan.set().counterexample().orElseThrow().steps()).contains(
                "5. reboot: the queue renames 0.2.0.0 (PendingFileRenameOperations[0]), then 0.3.0.0, then 0.2.0.0 "
                        + "onto ntdll.dll, in this order",
                "6. after the reboot ntdll.dll is 0.2.0.0 < 0.3.0.0 (the reference: each package alone, rebooting "
                        + "after each)");
    }

    @Test
    void theReferencesFirstRebootRunsTheQueueEvenForFilesTheFirstPackageDoesNotTouch() {
        Packages first = pkg("KB0", InstallerEngine.NAIVE).file(OTHER, "1.0");
        Packages second = pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.3");

        Plan clean = plan(MachineState.of(diskWithStaged("0.4")), first, second);
        Plan queued = plan(machine(diskWithStaged("0.4"), queueingStaged(), null), first, second);

        assertThat(clean.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
        assertThat(queued.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        assertThat(queued.set().counterexample().orElseThrow().steps()).last().asString()
                .isEqualTo("4. after the reboot ntdll.dll is 0.3.0.0 < 0.4.0.0 (the reference: each package alone, "
                        + "rebooting after each)");
    }

    @Test
    void servicingRunsAfterThePackagesSoItsNewerFileWinsAndTheSeedBecomesSafe() {
        PendingOperation move = new PendingOperation.Rename(Origin.inFile("WinSxS\\pending.xml", 1),
                "\\SystemRoot\\System32\\ntdll.new", "!\\SystemRoot\\System32\\ntdll.dll", "",
                WinPath.parse(STAGED), "!", WinPath.parse(NTDLL));
        Packages[] seed = {pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.2")};

        Plan withXml = plan(MachineState.of(diskWithStaged("0.5")).withServicing(List.of(move), List.of()), seed);
        Plan without = plan(MachineState.of(diskWithStaged("0.5")).withServicing(List.of(), List.of()), seed);

        assertThat(withXml.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
        assertThat(without.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        assertThat(withXml.conflicts()).filteredOn(c -> c.kind() == ConflictKind.PENDING_XML).singleElement()
                .satisfies(c -> assertThat(c.details()).contains("pending.xml: 0.5.0.0 (WinSxS\\pending.xml[1]): "
                        + "\\SystemRoot\\System32\\ntdll.new -> !\\SystemRoot\\System32\\ntdll.dll"));
        assertThat(without.conflicts()).noneMatch(c -> c.kind() == ConflictKind.PENDING_XML);
    }

    @Test
    void aRunOnceCommandAlreadyPendingIsReadAndOverwrittenBySet() {
        MapRegistry software = new MapRegistry()
                .multiSz("Microsoft\\Windows\\CurrentVersion\\RunOnce", "Setup", "old.exe /resume");
        Packages[] seed = {pkg("KB1", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "kb1.exe /finish"),
                pkg("KB2", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.SET, "kb2.exe /finish")};

        Plan plan = plan(machine(disk(), system(), software), seed);

        assertThat(plan.set().verdict()).isEqualTo(Verdict.REBOOT_REQUIRED_BETWEEN);
        assertThat(plan.set().counterexample().orElseThrow().steps()).contains(
                "1. KB1 (naive installer) reads " + RUN_ONCE + "\\Setup: [old.exe /resume]",
                "6. after the reboot " + RUN_ONCE + "\\Setup has run [kb2.exe /finish]; the reference runs "
                        + "[kb1.exe /finish, kb2.exe /finish, old.exe /resume]: kb1.exe /finish, old.exe /resume never "
                        + "runs");
        assertThat(plan.conflicts()).filteredOn(c -> c.kind() == ConflictKind.PENDING_RUN_ONCE).singleElement()
                .satisfies(c -> {
                    assertThat(c.packages()).containsExactly("KB2");
                    assertThat(c.details()).contains("already set, to run at the next boot: [old.exe /resume]; a set "
                            + "before that boot overwrites it");
                });
        Plan absent = plan(machine(disk(), system(), new MapRegistry()), seed);
        assertThat(absent.conflicts()).noneMatch(c -> c.kind() == ConflictKind.PENDING_RUN_ONCE);
        assertThat(absent.assumptions()).noneMatch(a -> a.contains("current registry is not read"));
        assertThat(plan(MachineState.of(disk()), seed).assumptions())
                .contains("registry values start absent: the current registry is not read");
    }

    @Test
    void valuesBelowCurrentControlSetStartFromTheControlSetSelectCurrentNames() {
        String key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Fix";
        MapRegistry system = system().multiSz("ControlSet001\\Services\\Fix", "DependOnService", "RpcSs");
        UpdatePackage pa = new UpdatePackage("A", InstallerEngine.NAIVE, ReplacePolicy.DISK_ONLY, List.of(),
                List.of(new RegistryWrite(key, "DependOnService", true, WriteMode.APPEND, List.of("a"))));
        UpdatePackage pb = new UpdatePackage("B", InstallerEngine.NAIVE, ReplacePolicy.DISK_ONLY, List.of(),
                List.of(new RegistryWrite(key, "DependOnService", true, WriteMode.APPEND, List.of("b"))));

        Plan plan = new Planner(PlanOptions.DEFAULT).plan(List.of(pa, pb), machine(disk(), system, null));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(plan.set().counterexample().orElseThrow().steps()).last().asString()
                .endsWith("is [RpcSs, b]; the reference is [RpcSs, a, b]");
    }

    @Test
    void aServicingChangeToAValueAPackageWritesIsAConflict() {
        Packages[] one = {pkg("KB1", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "kb1.exe")};
        ServicingValue setup = new ServicingValue("\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
                + "\\RunOnce", "Setup", "sets", "WinSxS\\pending.xml line 7");
        ServicingValue other = new ServicingValue(setup.key(), "Other", "sets", "WinSxS\\pending.xml line 8");

        Plan touched = plan(machine(disk(), system(), new MapRegistry()).withServicing(List.of(), List.of(setup)), one);
        Plan untouched = plan(machine(disk(), system(), new MapRegistry()).withServicing(List.of(), List.of(other)),
                one);

        assertThat(touched.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictKind.PENDING_XML);
            assertThat(c.subject()).isEqualTo(RUN_ONCE + "\\Setup");
            assertThat(c.details()).containsExactly("KB1 appends [kb1.exe]",
                    "pending.xml sets it: WinSxS\\pending.xml line 7");
        });
        assertThat(untouched.conflicts()).isEmpty();
    }

    @Test
    void aQueueValueThatIsNotAMultiStringIsNotedAndNotRead() {
        MapRegistry system = system().string(SM, "PendingFileRenameOperations", "\\??\\" + STAGED);

        MachineState machine = machine(diskWithStaged("0.4"), system, null);

        assertThat(machine.queue().operations()).isEmpty();
        assertThat(machine.notes()).contains("control set ControlSet001 (Select\\Current = 1): 0 queued operation(s) in "
                        + "PendingFileRenameOperations(2)")
                .contains(SM + "\\PendingFileRenameOperations has type 1, not REG_MULTI_SZ (7): not read");
        assertThat(plan(machine, hotfixThenNaive()).set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(MachineState.of(disk()).withRegistry(null, null, PathContext.DEFAULT).notes()).isEmpty();
    }

    @Test
    void theQueueComesFromSelectCurrentAndADifferentDefaultIsNoted() {
        MapRegistry system = new MapRegistry().dword("Select", "Current", 2).dword("Select", "Default", 1)
                .multiSz("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", "\\??\\" + STAGED,
                        "!\\??\\" + NTDLL)
                .key("ControlSet002\\Control\\Session Manager");

        MachineState machine = machine(diskWithStaged("0.4"), system, null);

        assertThat(machine.controlSet()).isEqualTo("ControlSet002");
        assertThat(machine.queue().operations()).isEmpty();
        assertThat(machine.notes()).contains("Select\\Default = 1 differs from Select\\Current = 2; the current "
                + "control set is read");
    }
}
