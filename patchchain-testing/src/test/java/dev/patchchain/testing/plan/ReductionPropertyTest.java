package dev.patchchain.testing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.MachineState;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.Plan;
import dev.patchchain.core.plan.PlanOptions;
import dev.patchchain.core.plan.Planner;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.ReplacePolicy;
import dev.patchchain.core.plan.SetVerdict;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.plan.Verdict;
import dev.patchchain.core.plan.WriteMode;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reduced exploration gives the same verdicts and schedule as exploring every interleaving, on clean machines and
 * on machines with something already pending.
 */
class ReductionPropertyTest {

    private static final List<WinPath> FILES = List.of(WinPath.parse("C:\\Windows\\System32\\a.dll"),
            WinPath.parse("C:\\Windows\\System32\\b.dll"));
    private static final List<String[]> VALUES = List.of(
            new String[] {"HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce", "Setup"},
            new String[] {"HKLM\\Software\\Vendor", "Paths"});

    @Test
    void reducedAndFullExplorationAgreeOnRandomSmallSets() {
        Random random = Seeds.random("plan reduction agrees with full exploration");
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        for (int round = 0; round < 300; round++) {
            List<UpdatePackage> packages = packages(random);
            MachineState machine = machine(random, disk(random));
            Plan reduced = new Planner(PlanOptions.DEFAULT).plan(packages, machine);
            Plan full = new Planner(PlanOptions.DEFAULT.withReduction(false)).plan(packages, machine);
            String context = "round " + round + ": " + packages + ", queue " + machine.queue().operations();
            assertThat(verdicts(reduced)).as(context).isEqualTo(verdicts(full));
            assertThat(reduced.schedule()).as(context).isEqualTo(full.schedule());
            assertThat(reduced.statesExplored()).as(context).isLessThanOrEqualTo(full.statesExplored());
            seen.merge(reduced.set().verdict(), 1, Integer::sum);
        }
        System.out.println("[plan] verdicts over random sets: " + seen);
        assertThat(seen).containsKeys(Verdict.SAFE_PARALLEL, Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
    }

    private static List<Verdict> verdicts(Plan plan) {
        List<Verdict> all = new ArrayList<>();
        all.add(plan.set().verdict());
        plan.pairs().stream().map(SetVerdict::verdict).forEach(all::add);
        return all;
    }

    private static List<UpdatePackage> packages(Random random) {
        List<UpdatePackage> packages = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            InstallerEngine engine = InstallerEngine.values()[random.nextInt(InstallerEngine.values().length)];
            ReplacePolicy policy = random.nextBoolean() ? engine.defaultPolicy()
                    : ReplacePolicy.values()[random.nextInt(2)];
            List<PackageFile> files = new ArrayList<>();
            for (WinPath f : FILES) {
                if (random.nextInt(3) > 0) {
                    files.add(new PackageFile(f, version(random), random.nextInt(4) > 0));
                }
            }
            List<RegistryWrite> writes = new ArrayList<>();
            if (random.nextBoolean()) {
                String[] v = VALUES.get(random.nextInt(VALUES.size()));
                writes.add(new RegistryWrite(v[0], v[1], true, WriteMode.values()[random.nextInt(2)],
                        List.of("kb" + i)));
            }
            packages.add(new UpdatePackage("KB" + i, engine, policy, files, writes));
        }
        return packages;
    }

    private static InMemoryVolume disk(Random random) {
        InMemoryVolume disk = new InMemoryVolume();
        for (WinPath f : FILES) {
            if (random.nextBoolean()) {
                disk.putFile(f, FileFacts.versioned(100, version(random)));
            }
        }
        return disk;
    }

    /**
     * Half the time the machine already has renames queued onto the targets (staged files of random versions, some
     * missing) and a RunOnce command pending: the reference's first reboot runs them.
     */
    private static MachineState machine(Random random, InMemoryVolume disk) {
        if (random.nextBoolean()) {
            return MachineState.of(disk);
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            WinPath target = FILES.get(random.nextInt(FILES.size()));
            WinPath staged = target.parent().resolve("pending" + i + ".tmp");
            if (random.nextInt(4) > 0) {
                disk.putFile(staged, FileFacts.versioned(100, version(random)));
            }
            strings.add(staged.toNtString());
            strings.add(random.nextInt(4) > 0 ? "!" + target.toNtString() : "");
        }
        PendingQueue queue = PendingQueue.fromLayouts(
                Map.of(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, MultiSz.of(strings)), PathContext.DEFAULT);
        Optional<RegistryView> software = random.nextBoolean() ? Optional.empty() : Optional.of(new RunOnceHive());
        return new MachineState(disk, queue, List.of(), List.of(), Optional.empty(), software, "ControlSet001",
                List.of());
    }

    /** A SOFTWARE hive holding only {@code RunOnce\Setup = [old.exe]}. */
    private static final class RunOnceHive implements RegistryView {
        @Override
        public boolean keyExists(String path) {
            return true;
        }

        @Override
        public List<String> subkeys(String path) {
            return List.of();
        }

        @Override
        public Optional<RegistryValue> value(String path, String name) {
            return path.equalsIgnoreCase("Microsoft\\Windows\\CurrentVersion\\RunOnce") && name.equals("Setup")
                    ? Optional.of(new RegistryValue(RegistryValue.REG_MULTI_SZ,
                            "old.exe\0\0".getBytes(StandardCharsets.UTF_16LE)))
                    : Optional.empty();
        }

        @Override
        public Optional<Instant> lastWritten(String path) {
            return Optional.empty();
        }
    }

    private static FileVersion version(Random random) {
        return FileVersion.parse("0." + (1 + random.nextInt(4)));
    }
}
