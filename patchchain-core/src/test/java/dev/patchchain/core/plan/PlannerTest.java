package dev.patchchain.core.plan;

import static dev.patchchain.core.plan.Packages.NTDLL;
import static dev.patchchain.core.plan.Packages.disk;
import static dev.patchchain.core.plan.Packages.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static Plan plan(VolumeState disk, Packages... packages) {
        return new Planner(PlanOptions.DEFAULT).plan(List.of(packages).stream().map(Packages::build).toList(), disk);
    }

    @Test
    void seedDowngradeThroughTheQueueIsSafeOnlyWithChainAndTheTraceShowsIt() {
        Plan plan = plan(disk(NTDLL, "0.1"),
                pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.2"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        Counterexample why = plan.set().counterexample().orElseThrow();
        assertThat(why.refuted()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(why.subject()).isEqualTo(NTDLL);
        assertThat(why.steps()).containsExactly(
                "1. KB1 (update.exe hotfix installer) reads " + NTDLL + ": 0.1.0.0 on disk, nothing queued, so it will install 0.3.0.0",
                "2. KB1 stages ntdll.dll 0.3.0.0 as ntdll.dll.KB1.staged and queues its rename onto ntdll.dll (in use)",
                "3. KB2 (naive installer) reads " + NTDLL + ": 0.1.0.0 on disk (it does not look at the queue, where queued [0.3.0.0]), so it will install 0.2.0.0",
                "4. KB2 stages ntdll.dll 0.2.0.0 as ntdll.dll.KB2.staged and queues its rename onto ntdll.dll (in use)",
                "5. reboot: the queue renames 0.3.0.0, then 0.2.0.0 onto ntdll.dll, in this order",
                "6. after the reboot ntdll.dll is 0.2.0.0 < 0.3.0.0 (the reference: each package alone, rebooting after each)");
        assertThat(plan.schedule().groups()).singleElement()
                .satisfies(g -> assertThat(g.chainBeforeReboot()).isTrue());
        assertThat(plan.schedule().rebootsBetween()).isZero();
    }

    @Test
    void seedRunOnceOverwrittenBySetRequiresARebootBetween() {
        Plan plan = plan(VolumeState.UNKNOWN,
                pkg("KB1", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "kb1.exe /finish"),
                pkg("KB2", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.SET, "kb2.exe /finish"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.REBOOT_REQUIRED_BETWEEN);
        Counterexample why = plan.set().counterexample().orElseThrow();
        assertThat(why.refuted()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
        assertThat(why.steps()).containsExactly(
                "1. KB1 (naive installer) reads " + Packages.RUN_ONCE + "\\Setup: not set",
                "2. KB1 appends [kb1.exe /finish] to what it read: " + Packages.RUN_ONCE + "\\Setup is now [kb1.exe /finish]",
                "3. KB2 sets " + Packages.RUN_ONCE + "\\Setup to [kb2.exe /finish], overwriting [kb1.exe /finish]",
                "4. patchchain queue chain rewrites the queue so that the newest version of every target wins",
                "5. reboot: " + Packages.RUN_ONCE + "\\Setup runs [kb2.exe /finish]",
                "6. after the reboot " + Packages.RUN_ONCE + "\\Setup has run [kb2.exe /finish]; the reference runs "
                        + "[kb1.exe /finish, kb2.exe /finish]: kb1.exe /finish never runs");
        assertThat(plan.schedule().rebootsBetween()).isEqualTo(1);
        assertThat(plan.schedule().exact()).isTrue();
    }

    @Test
    void setBeforeAppendIsSafeInSequenceButNotInParallel() {
        Plan plan = plan(VolumeState.UNKNOWN,
                pkg("KB1", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.SET, "a"),
                pkg("KB2", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "b"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(plan.set().counterexample().orElseThrow().steps()).first().asString()
                .startsWith("1. KB2 (naive installer) reads");
        assertThat(plan.schedule().groups()).singleElement()
                .satisfies(g -> assertThat(g.waves()).containsExactly(List.of("KB1"), List.of("KB2")));
    }

    @Test
    void conflictsNameSharedFilesValuesAndLocks() {
        Plan plan = plan(VolumeState.UNKNOWN,
                pkg("A", InstallerEngine.WINDOWS_INSTALLER).file(NTDLL, "0.3").runOnce("Setup", WriteMode.APPEND, "a"),
                pkg("B", InstallerEngine.WINDOWS_INSTALLER).file(NTDLL, "0.2", false).runOnce("Setup", WriteMode.SET, "b"),
                pkg("C", InstallerEngine.NAIVE).file("C:\\c.dll", "1.0"));

        assertThat(plan.conflicts()).extracting(Conflict::subject)
                .containsExactly(NTDLL, Packages.RUN_ONCE + "\\Setup", "lock _MSIExecute");
        assertThat(plan.conflicts().get(0).details())
                .containsExactly("A installs 0.3.0.0 (disk only, in use)", "B installs 0.2.0.0 (disk only, not in use)");
        assertThat(plan.conflicts().get(1).details()).containsExactly("A appends [a]", "B sets [b]");
        assertThat(plan.conflicts().get(2).packages()).containsExactly("A", "B");
    }

    @Test
    void disjointPackagesAreSafeInParallel() {
        Plan plan = plan(VolumeState.UNKNOWN,
                pkg("KB1", InstallerEngine.NAIVE).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).file("C:\\Windows\\System32\\kernel32.dll", "0.2"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
        assertThat(plan.set().counterexample()).isEmpty();
        assertThat(plan.pairs()).singleElement().satisfies(p -> assertThat(p.verdict()).isEqualTo(Verdict.SAFE_PARALLEL));
        assertThat(plan.schedule().groups()).singleElement()
                .satisfies(g -> assertThat(g.waves()).containsExactly(List.of("KB1", "KB2")));
    }

    @Test
    void hotfixInstallersSeeEachOthersQueueOnlyWhenSequential() {
        Plan plan = plan(disk(NTDLL, "0.1"),
                pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.2"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(plan.set().counterexample().orElseThrow().steps()).last().asString()
                .contains("ntdll.dll is 0.2.0.0 < 0.3.0.0");
    }

    @Test
    void componentServicingIsSerializedAndTheNewestComponentWins() {
        Plan plan = plan(disk(NTDLL, "0.1"),
                pkg("KB1", InstallerEngine.COMPONENT_SERVICING).file(NTDLL, "0.3", false),
                pkg("KB2", InstallerEngine.COMPONENT_SERVICING).file(NTDLL, "0.2", false));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
    }

    @Test
    void windowsInstallerLockKeepsTwoMsiAppendsApart() {
        Plan locked = plan(VolumeState.UNKNOWN,
                pkg("A", InstallerEngine.WINDOWS_INSTALLER).runOnce("Setup", WriteMode.APPEND, "a"),
                pkg("B", InstallerEngine.WINDOWS_INSTALLER).runOnce("Setup", WriteMode.APPEND, "b"));
        Plan unlocked = plan(VolumeState.UNKNOWN,
                pkg("A", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "a"),
                pkg("B", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "b"));

        assertThat(locked.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
        assertThat(unlocked.set().verdict()).isEqualTo(Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
        assertThat(unlocked.set().counterexample().orElseThrow().steps()).last().asString().contains("never runs");
    }

    @Test
    void windowsInstallerComparesWithTheDiskOnlySoTwoMsiNeedAChain() {
        Plan plan = plan(disk(NTDLL, "0.1"),
                pkg("A", InstallerEngine.WINDOWS_INSTALLER).file(NTDLL, "0.3"),
                pkg("B", InstallerEngine.WINDOWS_INSTALLER).file(NTDLL, "0.2"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_WITH_CHAIN);
    }

    @Test
    void aFileNotInUseIsWrittenDirectlyAndAQueuedNewerOneStillWinsInAnyOrder() {
        Plan plan = plan(disk(NTDLL, "0.1"),
                pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.2", false));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.SAFE_PARALLEL);
    }

    @Test
    void scheduleGroupsAroundTheOneConflictWithTheFewestReboots() {
        Plan plan = plan(VolumeState.UNKNOWN,
                pkg("KB1", InstallerEngine.NAIVE).file(NTDLL, "0.3"),
                pkg("KB2", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.APPEND, "a"),
                pkg("KB3", InstallerEngine.NAIVE).runOnce("Setup", WriteMode.SET, "b"),
                pkg("KB4", InstallerEngine.NAIVE).file("C:\\x.dll", "1.0"));

        assertThat(plan.set().verdict()).isEqualTo(Verdict.REBOOT_REQUIRED_BETWEEN);
        assertThat(plan.schedule().rebootsBetween()).isEqualTo(1);
        assertThat(plan.schedule().groups()).extracting(RebootGroup::waves)
                .containsExactly(List.of(List.of("KB1", "KB2")), List.of(List.of("KB3", "KB4")));
        assertThat(plan.pairs()).hasSize(6);
        assertThat(plan.statesExplored()).isPositive();
    }

    @Test
    void beyondTheExactLimitTheScheduleIsCutGreedilyAndSaysSo() {
        Packages[] packages = new Packages[Planner.EXACT_SCHEDULE_LIMIT + 1];
        for (int i = 0; i < packages.length; i++) {
            packages[i] = pkg("KB" + i, InstallerEngine.NAIVE)
                    .runOnce("Setup", i == 6 ? WriteMode.SET : WriteMode.APPEND, "kb" + i);
        }
        Plan plan = plan(VolumeState.UNKNOWN, packages);

        assertThat(plan.set().verdict()).isEqualTo(Verdict.REBOOT_REQUIRED_BETWEEN);
        assertThat(plan.schedule().exact()).isFalse();
        assertThat(plan.schedule().groups()).extracting(g -> g.waves().size()).containsExactly(6, 7);
        assertThat(plan.schedule().groups().get(1).waves().get(0)).containsExactly("KB6");
    }

    @Test
    void reducedAndFullExplorationAgreeOnTheSeedAndTheReductionVisitsFewerStates() {
        List<UpdatePackage> packages = List.of(
                pkg("KB1", InstallerEngine.HOTFIX_INSTALLER).file(NTDLL, "0.3").file("C:\\a.dll", "1.0").build(),
                pkg("KB2", InstallerEngine.NAIVE).file(NTDLL, "0.2").file("C:\\b.dll", "1.0").build());
        Plan reduced = new Planner(PlanOptions.DEFAULT).plan(packages, disk(NTDLL, "0.1"));
        Plan full = new Planner(PlanOptions.DEFAULT.withReduction(false)).plan(packages, disk(NTDLL, "0.1"));

        assertThat(full.set()).isEqualTo(reduced.set());
        assertThat(reduced.statesExplored()).isLessThan(full.statesExplored());
    }
}
