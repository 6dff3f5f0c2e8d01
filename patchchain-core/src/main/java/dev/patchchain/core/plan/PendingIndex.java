package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.PathState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds, for a target file, the machine's pending entries that can change it: those naming it, and transitively
 * those naming a path one of them names (a staged file renamed twice, a target moved away first).
 */
final class PendingIndex {

    private final MachineState machine;
    private final List<PendingOperation> all = new ArrayList<>();
    private final Map<WinPath, List<Integer>> byPath = new HashMap<>();

    PendingIndex(MachineState machine) {
        this.machine = machine;
        all.addAll(machine.queue().operations());
        all.addAll(machine.servicing());
        for (int i = 0; i < all.size(); i++) {
            for (WinPath p : paths(all.get(i))) {
                byPath.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
            }
        }
    }

    PendingEntries entriesFor(WinPath target) {
        if (!byPath.containsKey(target)) {
            return PendingEntries.NONE;
        }
        TreeSet<Integer> taken = new TreeSet<>();
        Map<WinPath, PathState> states = new HashMap<>();
        ArrayDeque<WinPath> todo = new ArrayDeque<>(List.of(target));
        while (!todo.isEmpty()) {
            WinPath p = todo.poll();
            if (states.containsKey(p)) {
                continue;
            }
            states.put(p, machine.disk().stat(p));
            for (int i : byPath.getOrDefault(p, List.of())) {
                if (taken.add(i)) {
                    todo.addAll(paths(all.get(i)));
                }
            }
        }
        int queued = machine.queue().operations().size();
        List<PendingOperation> queue = new ArrayList<>();
        List<PendingOperation> servicing = new ArrayList<>();
        for (int i : taken) {
            (i < queued ? queue : servicing).add(all.get(i));
        }
        return new PendingEntries(queue, servicing, states);
    }

    private static List<WinPath> paths(PendingOperation op) {
        if (op instanceof PendingOperation.Rename r) {
            return List.of(r.source(), r.target());
        }
        return op.sourcePath() == null ? List.of() : List.of(op.sourcePath());
    }
}
