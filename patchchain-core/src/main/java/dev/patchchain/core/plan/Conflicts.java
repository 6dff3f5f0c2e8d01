package dev.patchchain.core.plan;

import dev.patchchain.core.queue.PendingOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the {@link Conflict}s of a workload: shared files and values, shared engine locks, then what the machine has
 * pending on the files and values the packages touch.
 */
final class Conflicts {

    private Conflicts() {
    }

    static List<Conflict> of(Workload workload) {
        List<Conflict> out = new ArrayList<>();
        workload.shared.forEach((resource, pkgs) -> out.add(new Conflict(ConflictKind.PACKAGES,
                workload.initial.get(resource).subject(), ids(workload, pkgs), details(workload, resource, pkgs))));
        Map<String, List<String>> locks = new LinkedHashMap<>();
        for (UpdatePackage p : workload.packages) {
            p.engine().lock().ifPresent(lock -> locks.computeIfAbsent(lock, k -> new ArrayList<>()).add(p.id()));
        }
        locks.forEach((lock, ids) -> {
            if (ids.size() > 1) {
                out.add(new Conflict(ConflictKind.ENGINE_LOCK, "lock " + lock, ids,
                        List.of("one install at a time: these never interleave")));
            }
        });
        workload.touching.forEach((resource, pkgs) -> {
            Cell cell = workload.initial.get(resource);
            if (cell instanceof FileCell f) {
                pendingFile(workload, f, pkgs, out);
            } else {
                pendingValue(workload, resource, (ValueCell) cell, pkgs, out);
            }
        });
        return out;
    }

    private static void pendingFile(Workload workload, FileCell cell, List<Integer> pkgs, List<Conflict> out) {
        PendingEntries machine = cell.machine();
        if (!machine.queue().isEmpty()) {
            out.add(machineConflict(ConflictKind.PENDING_QUEUE, workload, cell, pkgs, "already queued: ",
                    machine.queue()));
        }
        if (!machine.servicing().isEmpty()) {
            out.add(machineConflict(ConflictKind.PENDING_XML, workload, cell, pkgs, "pending.xml: ",
                    machine.servicing()));
        }
    }

    private static Conflict machineConflict(ConflictKind kind, Workload workload, FileCell cell, List<Integer> pkgs,
                                            String prefix, List<PendingOperation> entries) {
        List<String> details = details(workload, new Resource.FileTarget(cell.target()), pkgs);
        List<String> described = cell.machine().describe(entries, cell.target());
        for (int i = 0; i < entries.size(); i++) {
            details.add(prefix + described.get(i) + ": " + String.join(" -> ", entries.get(i).rawStrings()));
        }
        return new Conflict(kind, cell.subject(), ids(workload, pkgs), details);
    }

    private static void pendingValue(Workload workload, Resource resource, ValueCell cell, List<Integer> pkgs,
                                     List<Conflict> out) {
        RegistryWrite write = firstWrite(workload, resource, pkgs.get(0));
        Optional<MachineKey> key = MachineKey.locate(write.key(), workload.machine.controlSet())
                .map(MachineKey::canonical);
        List<String> evidence = new ArrayList<>();
        for (ServicingValue v : workload.machine.servicingValues()) {
            boolean sameKey = key.isPresent() && MachineKey.locate(v.key(), workload.machine.controlSet())
                    .map(MachineKey::canonical).equals(key);
            if (sameKey && (v.valueName() == null || v.valueName().equalsIgnoreCase(write.valueName()))) {
                evidence.add("pending.xml " + v.action() + " it: " + v.evidence());
            }
        }
        if (!evidence.isEmpty()) {
            List<String> details = details(workload, resource, pkgs);
            details.addAll(evidence);
            out.add(new Conflict(ConflictKind.PENDING_XML, cell.subject(), ids(workload, pkgs), details));
        }
        List<Integer> setters = pkgs.stream().filter(p -> workload.stepsByPackage.get(p).get(resource).stream()
                .anyMatch(s -> s instanceof Step.WriteValue w && w.write().mode() == WriteMode.SET)).toList();
        if (cell.consumedAtBoot() && cell.value().filter(v -> !v.isEmpty()).isPresent() && !setters.isEmpty()) {
            List<String> details = details(workload, resource, setters);
            details.add("already set, to run at the next boot: " + ValueCell.show(cell.value())
                    + "; a set before that boot overwrites it");
            out.add(new Conflict(ConflictKind.PENDING_RUN_ONCE, cell.subject(), ids(workload, setters), details));
        }
    }

    private static RegistryWrite firstWrite(Workload workload, Resource resource, int pkg) {
        return workload.stepsByPackage.get(pkg).get(resource).stream()
                .filter(s -> s instanceof Step.WriteValue).map(s -> ((Step.WriteValue) s).write()).findFirst()
                .orElseThrow();
    }

    private static List<String> ids(Workload workload, List<Integer> pkgs) {
        return pkgs.stream().map(p -> workload.packages.get(p).id()).toList();
    }

    private static List<String> details(Workload workload, Resource resource, List<Integer> pkgs) {
        List<String> details = new ArrayList<>();
        for (int pkg : pkgs) {
            for (Step step : workload.stepsByPackage.get(pkg).get(resource)) {
                String d = detail(step, workload.packages.get(pkg));
                if (d != null) {
                    details.add(d);
                }
            }
        }
        return details;
    }

    private static String detail(Step step, UpdatePackage p) {
        String policy = p.policy().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (step instanceof Step.CheckFile c) {
            return p.id() + " installs " + c.file().version() + " (" + policy
                    + (c.file().inUse() ? ", in use)" : ", not in use)");
        }
        if (step instanceof Step.WriteValue w) {
            return p.id() + (w.write().mode() == WriteMode.SET ? " sets " : " appends ") + w.write().data();
        }
        return null;
    }
}
