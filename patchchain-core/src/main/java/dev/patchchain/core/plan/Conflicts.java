package dev.patchchain.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lists the {@link Conflict}s of a workload: shared files and values, then shared engine locks. */
final class Conflicts {

    private Conflicts() {
    }

    static List<Conflict> of(Workload workload) {
        List<Conflict> out = new ArrayList<>();
        workload.shared.forEach((resource, pkgs) -> {
            List<String> ids = new ArrayList<>();
            List<String> details = new ArrayList<>();
            for (int pkg : pkgs) {
                ids.add(workload.packages.get(pkg).id());
                for (Step step : workload.stepsByPackage.get(pkg).get(resource)) {
                    String d = detail(step, workload.packages.get(pkg));
                    if (d != null) {
                        details.add(d);
                    }
                }
            }
            out.add(new Conflict(workload.initial.get(resource).subject(), ids, details));
        });
        Map<String, List<String>> locks = new LinkedHashMap<>();
        for (UpdatePackage p : workload.packages) {
            p.engine().lock().ifPresent(lock -> locks.computeIfAbsent(lock, k -> new ArrayList<>()).add(p.id()));
        }
        locks.forEach((lock, ids) -> {
            if (ids.size() > 1) {
                out.add(new Conflict("lock " + lock, ids, List.of("one install at a time: these never interleave")));
            }
        });
        return out;
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
