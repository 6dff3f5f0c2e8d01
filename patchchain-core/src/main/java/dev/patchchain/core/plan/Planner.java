package dev.patchchain.core.plan;

import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Decides which update packages may be installed together, proves it, and schedules the fewest reboots.
 *
 * <p>The reference is each package installed alone, in the given order, with a reboot after each. A set of
 * packages is explored as installs made of atomic steps (see {@link InstallerEngine}), interleaved within waves and
 * the engines' locks, followed by one simulated boot (optionally after {@code queue chain}); it is safe when every
 * reachable post-boot state of every file and registry value equals the reference. docs/plan.md has the details.
 *
 * <pre>{@code
 * Plan plan = new Planner(PlanOptions.DEFAULT).plan(List.of(kb1, kb2), MachineState.of(volume));
 * plan.set().verdict();                   // e.g. SAFE_WITH_CHAIN
 * plan.set().counterexample().get().steps(); // "1. KB1 (update.exe hotfix installer) reads ..."
 * plan.schedule().groups();               // waves and reboots
 * }</pre>
 */
public final class Planner {

    /** Up to this many packages the schedule is proven minimal; beyond, a greedy cut is used. */
    public static final int EXACT_SCHEDULE_LIMIT = 12;

    private final PlanOptions options;

    /** @param options how to explore */
    public Planner(PlanOptions options) {
        this.options = options;
    }

    /**
     * @param packages the packages, in the order they would be installed with reboots between
     * @param disk     the disk now ({@link VolumeState#UNKNOWN} when nothing is known), with nothing pending
     * @return the verdicts, counterexamples, schedule and state counts
     */
    public Plan plan(List<UpdatePackage> packages, VolumeState disk) {
        return plan(packages, MachineState.of(disk));
    }

    /**
     * Plans from the machine as it is: what its queue and {@code pending.xml} will replace at the next boot is part
     * of the state (of every exploration and of the reference, whose first reboot runs it), and the values the
     * packages write start from the machine's registry.
     *
     * @param packages the packages, in the order they would be installed with reboots between
     * @param machine  the disk, the pending queue and servicing, the registry
     * @return the verdicts, counterexamples, schedule, conflicts (with the machine's pending entries among them)
     */
    public Plan plan(List<UpdatePackage> packages, MachineState machine) {
        Run run = new Run(Workload.of(packages, machine, options.rules()));
        int n = packages.size();
        List<Integer> all = IntStream.range(0, n).boxed().toList();
        SetVerdict set = run.verdict(all, run.referenceBefore(0));
        List<SetVerdict> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(run.verdict(List.of(i, j), run.workload.initial));
            }
        }
        Schedule schedule = new ScheduleBuilder(run).build(set.verdict());
        return new Plan(Conflicts.of(run.workload), set, pairs, schedule, run.states, run.unreduced,
                assumptions(run.workload));
    }

    private static List<String> assumptions(Workload workload) {
        List<UpdatePackage> packages = workload.packages;
        MachineState machine = workload.machine;
        List<String> out = new ArrayList<>();
        long inUse = packages.stream().flatMap(p -> p.files().stream()).filter(PackageFile::inUse).count();
        long files = packages.stream().mapToLong(p -> p.files().size()).sum();
        out.add(inUse + " of " + files + " files are taken to be in use (from the manifests), so they are staged and "
                + "replaced at boot through PendingFileRenameOperations");
        long unknown = packages.stream().flatMap(p -> p.files().stream())
                .map(f -> machine.disk().stat(f.target())).filter(s -> s instanceof PathState.Unknown).count();
        if (unknown > 0) {
            out.add(unknown + " target files have no known version on disk: installers are assumed to find an older "
                    + "file there");
        }
        long pendingFiles = workload.initial.values().stream()
                .filter(c -> c instanceof FileCell f && !f.machine().isEmpty()).count();
        if (pendingFiles > 0) {
            out.add(pendingFiles + " target files already have entries pending on the machine: they run at the first "
                    + "reboot (the queue's before the packages' renames, pending.xml's after), and installers that "
                    + "check the queue see the versions they bring");
        }
        List<RegistryWrite> writes = packages.stream().flatMap(p -> p.registryWrites().stream()).toList();
        if (!writes.isEmpty() && !machine.registryRead()) {
            out.add("registry values start absent: the current registry is not read");
        } else if (!writes.isEmpty()) {
            long unread = writes.stream().filter(w -> !machine.reads(w.key())).count();
            if (unread > 0) {
                out.add(unread + " registry write(s) go to keys outside the hives read (HKCU, HKU, HKCR, or a hive "
                        + "not given): those values start absent");
            }
        }
        if (!machine.servicingValues().isEmpty()) {
            out.add("pending.xml's registry changes are listed as conflicts, not simulated");
        }
        out.add("queueing a rename (MoveFileEx) is atomic; a registry append is a read then a write");
        return out;
    }

    /** One planning run: the workload, the references and the running state counts. */
    final class Run {

        final Workload workload;
        private final List<Map<Resource, Cell>> prefixReferences = new ArrayList<>();
        private final Map<List<Integer>, SetVerdict> verdicts = new HashMap<>();
        private final Map<ProjectedExplorer.Key, ProjectedExplorer.Result> memo = new HashMap<>();
        long states;
        BigInteger unreduced = BigInteger.ZERO;

        Run(Workload workload) {
            this.workload = workload;
            prefixReferences.add(workload.initial);
        }

        int size() {
            return workload.packages.size();
        }

        /** @return the reference state after packages {@code 0..k-1}, each followed by a reboot */
        Map<Resource, Cell> referenceBefore(int k) {
            while (prefixReferences.size() <= k) {
                int next = prefixReferences.size() - 1;
                prefixReferences.add(workload.reference(prefixReferences.get(next), List.of(next)));
            }
            return prefixReferences.get(k);
        }

        /** @return the verdict for consecutive packages {@code from..to-1}, starting from their reference state */
        SetVerdict segment(int from, int to) {
            List<Integer> pkgs = IntStream.range(from, to).boxed().toList();
            return verdicts.computeIfAbsent(pkgs, k -> verdict(k, referenceBefore(from)));
        }

        SetVerdict verdict(List<Integer> pkgs, Map<Resource, Cell> start) {
            Map<Resource, Cell> expected = workload.reference(start, pkgs);
            List<String> ids = pkgs.stream().map(i -> workload.packages.get(i).id()).toList();
            Exploration parallel = explore(Program.parallel(pkgs, false), start, expected, Verdict.SAFE_PARALLEL);
            if (parallel.safe()) {
                return new SetVerdict(ids, Verdict.SAFE_PARALLEL, Optional.empty());
            }
            Exploration sequential = explore(Program.sequential(pkgs, false), start, expected,
                    Verdict.SAFE_SEQUENTIAL_NO_REBOOT);
            if (sequential.safe()) {
                return new SetVerdict(ids, Verdict.SAFE_SEQUENTIAL_NO_REBOOT, parallel.counterexample());
            }
            Exploration chained = explore(Program.sequential(pkgs, true), start, expected, Verdict.SAFE_WITH_CHAIN);
            if (chained.safe()) {
                return new SetVerdict(ids, Verdict.SAFE_WITH_CHAIN, sequential.counterexample());
            }
            return new SetVerdict(ids, Verdict.REBOOT_REQUIRED_BETWEEN, chained.counterexample());
        }

        Exploration explore(Program program, Map<Resource, Cell> start, Map<Resource, Cell> expected,
                            Verdict refuted) {
            Exploration result = options.reduction()
                    ? new ProjectedExplorer(workload, memo).explore(program, start, expected, refuted)
                    : new FullExplorer(workload, options.stateBudget()).explore(program, start, expected, refuted);
            states += result.states();
            unreduced = unreduced.add(options.reduction() ? lattice(program) : BigInteger.valueOf(result.states()));
            return result;
        }

        /** The states of the unreduced interleaving lattice: per wave, the product of (steps + 1). */
        private BigInteger lattice(Program program) {
            BigInteger total = BigInteger.ZERO;
            for (List<Integer> wave : program.waves()) {
                BigInteger product = BigInteger.ONE;
                for (int pkg : wave) {
                    product = product.multiply(BigInteger.valueOf(workload.stepCounts.get(pkg) + 1L));
                }
                total = total.add(product);
            }
            return total;
        }
    }
}
