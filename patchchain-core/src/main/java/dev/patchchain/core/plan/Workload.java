package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages cut into steps: per package its steps in program order (files first, each checked then carried
 * out, then the registry writes), the same steps grouped by resource, and the cell of every resource before any
 * package runs: the disk, what the machine already has pending for it (queue, {@code pending.xml}) and the value
 * now.
 */
final class Workload {

    final List<UpdatePackage> packages;
    final MachineState machine;
    final BootRules rules;
    final List<Map<Resource, List<Step>>> stepsByPackage = new ArrayList<>();
    final List<Integer> stepCounts = new ArrayList<>();
    final Map<Resource, Cell> initial = new HashMap<>();
    /** Every resource a package touches, with those packages in order. */
    final Map<Resource, List<Integer>> touching = new LinkedHashMap<>();
    /** Resources touched by two or more packages, with those packages in order. */
    final Map<Resource, List<Integer>> shared = new LinkedHashMap<>();
    /**
     * Resources worth exploring: those shared, and those the first boot changes by itself (the machine's pending
     * entries, a {@code RunOnce} value already set), where one package's steps end differently depending on
     * whether the reference has rebooted before it.
     */
    final Map<Resource, List<Integer>> explored = new LinkedHashMap<>();
    /** Resources the first boot changes by itself. */
    private final Set<Resource> pendingAtStart = new HashSet<>();
    private final Map<Cell, Cell> booted = new HashMap<>();
    private final Map<Alone, Cell> alone = new HashMap<>();
    private final Map<Cell, Cell> bootedChained = new HashMap<>();

    private Workload(List<UpdatePackage> packages, MachineState machine, BootRules rules) {
        this.packages = List.copyOf(packages);
        this.machine = machine;
        this.rules = rules;
    }

    static Workload of(List<UpdatePackage> packages, MachineState machine, BootRules rules) {
        Workload w = new Workload(packages, machine, rules);
        VolumeState disk = machine.disk();
        PendingIndex pending = new PendingIndex(machine);
        for (int i = 0; i < packages.size(); i++) {
            UpdatePackage p = packages.get(i);
            Map<Resource, List<Step>> steps = new LinkedHashMap<>();
            for (PackageFile f : p.files()) {
                Resource r = new Resource.FileTarget(f.target());
                steps.put(r, List.of(new Step.CheckFile(i, f),
                        new Step.ApplyFile(i, f, FileCell.stagedPath(f.target(), p.id()))));
                w.initial.computeIfAbsent(r, k -> FileCell.of(f.target(), disk.stat(f.target()),
                        pending.entriesFor(f.target())));
            }
            for (RegistryWrite write : p.registryWrites()) {
                Resource r = Resource.Value.of(write);
                List<Step> list = steps.computeIfAbsent(r, k -> new ArrayList<>());
                if (write.mode() == WriteMode.APPEND) {
                    list.add(new Step.ReadValue(i, write));
                }
                list.add(new Step.WriteValue(i, write));
                w.initial.computeIfAbsent(r, k -> ValueCell.of(write, machine.current(write)));
            }
            steps.replaceAll((r, list) -> List.copyOf(list));
            w.stepsByPackage.add(steps);
            w.stepCounts.add(steps.values().stream().mapToInt(List::size).sum());
        }
        for (int i = 0; i < packages.size(); i++) {
            for (Resource r : w.stepsByPackage.get(i).keySet()) {
                w.touching.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
            }
        }
        w.touching.replaceAll((r, pkgs) -> List.copyOf(pkgs));
        w.touching.forEach((r, pkgs) -> {
            if (pkgs.size() > 1) {
                w.shared.put(r, pkgs);
            }
            if (w.changedByBoot(w.initial.get(r))) {
                w.pendingAtStart.add(r);
            }
            if (pkgs.size() > 1 || w.pendingAtStart.contains(r)) {
                w.explored.put(r, pkgs);
            }
        });
        return w;
    }

    /**
     * Boots a cell, remembering the result: the same cell recurs across references and explorations, and a boot
     * runs the simulator (and the chainer).
     *
     * @param cell  the cell before the boot
     * @param chain true to chain the queue first
     * @return the cell after the boot
     */
    Cell boot(Cell cell, boolean chain) {
        return (chain ? bootedChained : booted).computeIfAbsent(cell, c -> c.boot(chain, rules));
    }

    /** @return true if a boot alone changes the cell: something is pending on it before any package runs */
    private boolean changedByBoot(Cell cell) {
        return !boot(cell, false).equals(cell);
    }

    /**
     * @param resource a resource
     * @param cell     its cell at the start of an exploration
     * @return true if something is pending on it that the next boot runs (only ever true for a resource that had
     *         something pending before any package ran, and only until a boot)
     */
    boolean pendingAtStart(Resource resource, Cell cell) {
        return pendingAtStart.contains(resource) && changedByBoot(cell);
    }

    /** One package's steps on one resource from a given cell, followed by a boot: a step of the reference. */
    private record Alone(Cell start, int pkg, Resource resource) {
    }

    private Cell alone(Cell start, int pkg, List<Step> steps) {
        Alone key = new Alone(start, pkg, steps.get(0).resource());
        Cell known = alone.get(key);
        if (known == null) {
            Cell c = start;
            for (Step s : steps) {
                c = s.apply(c, packages);
            }
            known = boot(c, false);
            alone.put(key, known);
        }
        return known;
    }

    /** @return every step of the package, in program order */
    List<Step> programOf(int pkg) {
        List<Step> all = new ArrayList<>();
        stepsByPackage.get(pkg).values().forEach(all::addAll);
        return all;
    }

    /**
     * The reference: each package alone, in the given order, with a boot after each. Each boot runs everything
     * pending, so the first one also runs what the machine had pending on resources the first package does not
     * touch.
     *
     * @param start the cells before the first package
     * @param pkgs  package indices, in order
     * @return the cells after the last boot (resources no package touches as in {@code start}, unless booted)
     */
    Map<Resource, Cell> reference(Map<Resource, Cell> start, List<Integer> pkgs) {
        Map<Resource, Cell> cells = new HashMap<>(start);
        for (int pkg : pkgs) {
            Map<Resource, List<Step>> own = stepsByPackage.get(pkg);
            for (Map.Entry<Resource, List<Step>> e : own.entrySet()) {
                cells.put(e.getKey(), alone(cells.get(e.getKey()), pkg, e.getValue()));
            }
            for (Resource r : pendingAtStart) {
                if (!own.containsKey(r)) {
                    cells.put(r, boot(cells.get(r), false));
                }
            }
        }
        return cells;
    }
}
