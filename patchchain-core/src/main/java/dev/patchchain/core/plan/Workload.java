package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages cut into steps: per package its steps in program order (files first, each checked then carried
 * out, then the registry writes), the same steps grouped by resource, and the cell of every resource before any
 * package runs.
 */
final class Workload {

    final List<UpdatePackage> packages;
    final BootRules rules;
    final List<Map<Resource, List<Step>>> stepsByPackage = new ArrayList<>();
    final List<Integer> stepCounts = new ArrayList<>();
    final Map<Resource, Cell> initial = new HashMap<>();
    /** Resources touched by two or more packages, with those packages in order: the only ones worth exploring. */
    final Map<Resource, List<Integer>> shared = new LinkedHashMap<>();
    private final Map<Cell, Cell> booted = new HashMap<>();
    private final Map<Alone, Cell> alone = new HashMap<>();
    private final Map<Cell, Cell> bootedChained = new HashMap<>();

    private Workload(List<UpdatePackage> packages, BootRules rules) {
        this.packages = List.copyOf(packages);
        this.rules = rules;
    }

    static Workload of(List<UpdatePackage> packages, VolumeState disk, BootRules rules) {
        Workload w = new Workload(packages, rules);
        for (int i = 0; i < packages.size(); i++) {
            UpdatePackage p = packages.get(i);
            Map<Resource, List<Step>> steps = new LinkedHashMap<>();
            for (PackageFile f : p.files()) {
                Resource r = new Resource.FileTarget(f.target());
                steps.put(r, List.of(new Step.CheckFile(i, f),
                        new Step.ApplyFile(i, f, FileCell.stagedPath(f.target(), p.id()))));
                w.initial.computeIfAbsent(r, k -> FileCell.of(f.target(), disk.stat(f.target())));
            }
            for (RegistryWrite write : p.registryWrites()) {
                Resource r = Resource.Value.of(write);
                List<Step> list = steps.computeIfAbsent(r, k -> new ArrayList<>());
                if (write.mode() == WriteMode.APPEND) {
                    list.add(new Step.ReadValue(i, write));
                }
                list.add(new Step.WriteValue(i, write));
                w.initial.computeIfAbsent(r, k -> ValueCell.absent(write));
            }
            steps.replaceAll((r, list) -> List.copyOf(list));
            w.stepsByPackage.add(steps);
            w.stepCounts.add(steps.values().stream().mapToInt(List::size).sum());
        }
        Map<Resource, List<Integer>> touching = new LinkedHashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            for (Resource r : w.stepsByPackage.get(i).keySet()) {
                touching.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
            }
        }
        touching.forEach((r, pkgs) -> {
            if (pkgs.size() > 1) {
                w.shared.put(r, List.copyOf(pkgs));
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
     * The reference: each package alone, in the given order, with a boot after each.
     *
     * @param start the cells before the first package
     * @param pkgs  package indices, in order
     * @return the cells after the last boot (untouched resources as in {@code start})
     */
    Map<Resource, Cell> reference(Map<Resource, Cell> start, List<Integer> pkgs) {
        Map<Resource, Cell> cells = new HashMap<>(start);
        for (int pkg : pkgs) {
            for (Map.Entry<Resource, List<Step>> e : stepsByPackage.get(pkg).entrySet()) {
                cells.put(e.getKey(), alone(cells.get(e.getKey()), pkg, e.getValue()));
            }
        }
        return cells;
    }
}
