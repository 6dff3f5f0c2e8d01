package dev.patchchain.cli.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.plan.Conflict;
import dev.patchchain.core.plan.ConflictKind;
import dev.patchchain.core.plan.Counterexample;
import dev.patchchain.core.plan.MachineState;
import dev.patchchain.core.plan.Plan;
import dev.patchchain.core.plan.RebootGroup;
import dev.patchchain.core.plan.SetVerdict;
import java.util.List;

/** Renders a {@link Plan} as text for a person or as JSON. */
final class PlanReport {

    /** Conflicts printed in text; {@code --json} has all of them. */
    static final int TEXT_CONFLICTS = 20;

    private PlanReport() {
    }

    static String text(Plan plan, MachineState machine, List<String> warnings) {
        StringBuilder out = new StringBuilder();
        if (!machine.notes().isEmpty()) {
            out.append("Machine state:\n");
            machine.notes().forEach(n -> out.append("  ").append(n).append('\n'));
            out.append('\n');
        }
        conflicts(out, plan.conflicts());
        out.append("All ").append(plan.set().packages().size()).append(" packages: ").append(plan.set().verdict())
                .append('\n');
        plan.set().counterexample().ifPresent(c -> counterexample(out, c));
        if (!plan.pairs().isEmpty()) {
            out.append("\nPairs:\n");
            for (SetVerdict pair : plan.pairs()) {
                out.append("  ").append(String.join(" + ", pair.packages())).append(": ").append(pair.verdict())
                        .append('\n');
            }
        }
        out.append("\nSchedule (").append(plan.schedule().rebootsBetween()).append(" reboot(s) between groups")
                .append(plan.schedule().exact() ? ", minimal" : ", heuristic").append("):\n");
        int step = 1;
        for (RebootGroup group : plan.schedule().groups()) {
            for (List<String> wave : group.waves()) {
                out.append("  ").append(step++).append(". install ").append(String.join(" and ", wave))
                        .append(wave.size() > 1 ? " in parallel" : "").append('\n');
            }
            if (group.chainBeforeReboot()) {
                out.append("  ").append(step++).append(". patchchain queue chain --apply\n");
            }
            out.append("  ").append(step++).append(". reboot\n");
        }
        out.append("\nExplored ").append(plan.statesExplored()).append(" states (without the reduction: ")
                .append(plan.statesUnreduced()).append(")\n");
        out.append("Assumptions:\n");
        plan.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
        warnings.forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString();
    }

    private static void conflicts(StringBuilder out, List<Conflict> conflicts) {
        out.append("Conflicts: ").append(conflicts.isEmpty() ? "none" : conflicts.size()).append('\n');
        for (Conflict c : conflicts.subList(0, Math.min(conflicts.size(), TEXT_CONFLICTS))) {
            out.append("  ").append(c.subject()).append(label(c.kind())).append(": ")
                    .append(String.join("; ", c.details())).append('\n');
        }
        if (conflicts.size() > TEXT_CONFLICTS) {
            out.append("  ... and ").append(conflicts.size() - TEXT_CONFLICTS).append(" more (see --json)\n");
        }
        out.append('\n');
    }

    private static String label(ConflictKind kind) {
        return switch (kind) {
            case PENDING_QUEUE -> " (pending in the queue)";
            case PENDING_XML -> " (pending in pending.xml)";
            case PENDING_RUN_ONCE -> " (RunOnce pending)";
            case PACKAGES, ENGINE_LOCK -> "";
        };
    }

    private static void counterexample(StringBuilder out, Counterexample c) {
        out.append("Why not ").append(c.refuted()).append(" (").append(c.subject()).append("):\n");
        c.steps().forEach(s -> out.append("  ").append(s).append('\n'));
    }

    static ObjectNode json(Plan plan, MachineState machine, List<String> warnings) {
        ObjectNode root = Json.object();
        root.put("command", "plan");
        ObjectNode state = Json.object();
        state.put("controlSet", machine.controlSet());
        state.put("queuedOperations", machine.queue().operations().size());
        state.put("pendingXmlFileOperations", machine.servicing().size());
        state.put("pendingXmlRegistryChanges", machine.servicingValues().size());
        state.put("registryRead", machine.registryRead());
        state.set("notes", Json.strings(machine.notes()));
        root.set("machine", state);
        ArrayNode conflicts = Json.array();
        for (Conflict c : plan.conflicts()) {
            ObjectNode node = Json.object();
            node.put("kind", c.kind().name());
            node.put("subject", c.subject());
            node.set("packages", Json.strings(c.packages()));
            node.set("details", Json.strings(c.details()));
            conflicts.add(node);
        }
        root.set("conflicts", conflicts);
        root.set("set", verdict(plan.set()));
        ArrayNode pairs = Json.array();
        plan.pairs().forEach(p -> pairs.add(verdict(p)));
        root.set("pairs", pairs);
        ObjectNode schedule = Json.object();
        schedule.put("rebootsBetween", plan.schedule().rebootsBetween());
        schedule.put("exact", plan.schedule().exact());
        ArrayNode groups = Json.array();
        for (RebootGroup g : plan.schedule().groups()) {
            ObjectNode group = Json.object();
            ArrayNode waves = Json.array();
            g.waves().forEach(w -> waves.add(Json.strings(w)));
            group.set("waves", waves);
            group.put("chainBeforeReboot", g.chainBeforeReboot());
            groups.add(group);
        }
        schedule.set("groups", groups);
        root.set("schedule", schedule);
        root.put("statesExplored", plan.statesExplored());
        root.put("statesWithoutReduction", plan.statesUnreduced().toString());
        root.set("assumptions", Json.strings(plan.assumptions()));
        root.set("warnings", Json.strings(warnings));
        return root;
    }

    private static ObjectNode verdict(SetVerdict v) {
        ObjectNode node = Json.object();
        node.set("packages", Json.strings(v.packages()));
        node.put("verdict", v.verdict().name());
        v.counterexample().ifPresent(c -> {
            ObjectNode ce = Json.object();
            ce.put("refutes", c.refuted().name());
            ce.put("subject", c.subject());
            ce.set("steps", Json.strings(c.steps()));
            node.set("counterexample", ce);
        });
        return node;
    }
}
