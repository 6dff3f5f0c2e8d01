package dev.patchchain.testing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
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
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.testing.Seeds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reduced exploration gives the same verdicts and schedule as exploring every interleaving. */
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
            InMemoryVolume disk = disk(random);
            Plan reduced = new Planner(PlanOptions.DEFAULT).plan(packages, disk);
            Plan full = new Planner(PlanOptions.DEFAULT.withReduction(false)).plan(packages, disk);
            String context = "round " + round + ": " + packages;
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

    private static FileVersion version(Random random) {
        return FileVersion.parse("0." + (1 + random.nextInt(4)));
    }
}
