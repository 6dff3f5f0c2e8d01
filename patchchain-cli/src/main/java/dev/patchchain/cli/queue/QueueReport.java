package dev.patchchain.cli.queue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.cli.render.Table;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.core.analysis.Finding;
import dev.patchchain.core.analysis.Severity;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueNote;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.attribution.AttributionRulesReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders what {@code queue show} and {@code queue check} print, as text or JSON. */
final class QueueReport {

    private QueueReport() {
    }

    static String header(LoadedQueue input) {
        PendingQueue queue = input.queue();
        StringBuilder sb = new StringBuilder();
        sb.append("Queue:  ").append(input.queueSource()).append('\n');
        sb.append("        ").append(countByValue(queue)).append('\n');
        sb.append("Volume: ").append(input.volume().isKnown() ? input.volumeSource()
                : "none given: file versions and existence are unknown (use --image DIR)").append('\n');
        sb.append("Rules:  ").append(input.rules() == dev.patchchain.core.boot.BootRules.WINDOWS
                ? "Windows session manager (smss.exe)" : "Wine (wineboot)").append('\n');
        for (String note : input.notes()) {
            sb.append("Note:   ").append(note).append('\n');
        }
        for (String warning : input.warnings()) {
            sb.append("WARNING: ").append(warning).append('\n');
        }
        return sb.toString();
    }

    static String showText(LoadedQueue input) {
        Table table = new Table("#", "value[string]", "entry", "source now", "queued by");
        List<PendingOperation> ops = input.queue().operations();
        AttributionRules rules = AttributionRulesReader.defaults();
        for (int i = 0; i < ops.size(); i++) {
            PendingOperation op = ops.get(i);
            table.row(Integer.toString(i), op.origin().toString().replace("PendingFileRenameOperations", "PFRO"),
                    OperationView.describe(op), OperationView.sourceVersion(op, input.volume()),
                    rules.attribute(op.sourcePath()).label());
        }
        StringBuilder sb = new StringBuilder(header(input)).append('\n');
        sb.append(table.isEmpty() ? "  (the queue is empty)\n" : table.render());
        appendNotes(sb, input.queue());
        return sb.toString();
    }

    static String checkText(LoadedQueue input, AnalysisResult result) {
        StringBuilder sb = new StringBuilder(header(input)).append('\n');
        Table table = new Table("#", "entry", "staged version", "at boot");
        for (OperationOutcome o : result.boot().outcomes()) {
            table.row(Integer.toString(o.index()), OperationView.describe(o.operation()),
                    o.moved().map(f -> f.version().map(Object::toString).orElse("no version"))
                            .orElse(OperationView.sourceVersion(o.operation(), input.volume())),
                    outcomeText(o));
        }
        sb.append(table.isEmpty() ? "  (the queue is empty)\n" : table.render());
        appendNotes(sb, input.queue());
        sb.append('\n').append(findingsText(result.findings()));
        sb.append('\n').append(verdict(result)).append('\n');
        return sb.toString();
    }

    static String findingsText(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "Findings: none\n";
        }
        StringBuilder sb = new StringBuilder("Findings: ").append(severityCounts(findings)).append('\n');
        for (Finding f : findings) {
            sb.append(String.format("  %-6s %-24s %s%n", f.severity(), f.code(), f.message()));
        }
        return sb.toString();
    }

    static String verdict(AnalysisResult result) {
        long actionable = result.findings().stream().filter(f -> f.severity().isActionable()).count();
        if (actionable == 0) {
            return "Verdict: the queue is safe to run at the next reboot as it is.";
        }
        return "Verdict: NOT safe as queued: " + actionable + " finding(s) need attention."
                + " `patchchain queue chain` rewrites the queue so the newest version of every file wins.";
    }

    static ObjectNode json(String command, LoadedQueue input, AnalysisResult result) {
        ObjectNode root = Json.object();
        root.put("command", command);
        ArrayNode ops = Json.array();
        List<PendingOperation> operations = input.queue().operations();
        AttributionRules rules = AttributionRulesReader.defaults();
        for (int i = 0; i < operations.size(); i++) {
            ops.add(OperationView.json(i, operations.get(i), rules.attribute(operations.get(i).sourcePath()), input.volume(),
                    result == null ? null : result.boot().outcomes().get(i)));
        }
        root.set("input", inputJson(input));
        root.set("operations", ops);
        ArrayNode notes = root.putArray("notes");
        for (QueueNote note : input.queue().notes()) {
            ObjectNode n = notes.addObject();
            n.put("value", note.value().registryName());
            n.put("string_index", note.stringIndex());
            n.put("kind", note.kind().name());
            n.put("message", note.message());
        }
        if (result != null) {
            root.set("findings", findingsJson(result.findings()));
            root.put("safe_to_reboot", !result.hasActionableFindings());
        }
        return root;
    }

    static ObjectNode inputJson(LoadedQueue input) {
        ObjectNode node = Json.object();
        node.put("queue", input.queueSource());
        node.put("volume", input.volume().isKnown() ? input.volumeSource() : null);
        node.put("rules", input.rules().name());
        node.set("notes", Json.strings(input.notes()));
        node.set("warnings", Json.strings(input.warnings()));
        ObjectNode values = node.putObject("values");
        for (QueueValueName v : QueueValueName.values()) {
            values.put(v.registryName(), input.queue().hasValue(v));
        }
        return node;
    }

    static ArrayNode findingsJson(List<Finding> findings) {
        ArrayNode array = Json.array();
        for (Finding f : findings) {
            ObjectNode n = array.addObject();
            n.put("code", f.code().name());
            n.put("severity", f.severity().name());
            n.put("message", f.message());
            n.set("paths", Json.strings(f.paths().stream().map(Object::toString).toList()));
            ArrayNode ops = n.putArray("operations");
            f.operations().forEach(ops::add);
            n.set("evidence", Json.map(f.evidence()));
        }
        return array;
    }

    private static String outcomeText(OperationOutcome o) {
        String text = switch (o.status()) {
            case APPLIED -> o.replaced().isPresent()
                    ? "applied, replaces " + o.replaced().get().version().map(Object::toString).orElse("a file without version")
                    : "applied";
            case NOT_PROCESSED -> "not processed";
            default -> "FAILS: " + o.status() + String.format(" (0x%08X)", o.status().ntStatus());
        };
        return o.assumed() ? text + " (assumed)" : text;
    }

    private static void appendNotes(StringBuilder sb, PendingQueue queue) {
        for (QueueNote note : queue.notes()) {
            sb.append("  note: ").append(note.value().registryName()).append(": ").append(note.message()).append('\n');
        }
    }

    private static String countByValue(PendingQueue queue) {
        Map<QueueValueName, Integer> counts = new EnumMap<>(QueueValueName.class);
        queue.operations().stream().filter(op -> !op.origin().fromFile())
                .forEach(op -> counts.merge(op.origin().value(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        for (QueueValueName v : QueueValueName.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v.registryName()).append(": ")
                    .append(queue.hasValue(v) ? counts.getOrDefault(v, 0) + " entries" : "absent");
        }
        return sb.toString();
    }

    private static String severityCounts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            if (counts.containsKey(s)) {
                sb.append(sb.length() > 0 ? ", " : "").append(counts.get(s)).append(' ').append(s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
