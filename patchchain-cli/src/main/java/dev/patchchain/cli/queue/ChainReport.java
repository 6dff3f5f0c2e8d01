package dev.patchchain.cli.queue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.AttributionRules;
import dev.patchchain.core.chain.ChainChange;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.attribution.AttributionRulesReader;

/** Renders what {@code queue chain} prints: the diff, the skipped targets, and the verdict on the chained queue. */
final class ChainReport {

    private ChainReport() {
    }

    static String text(LoadedQueue input, ChainResult chain, AnalysisResult before, AnalysisResult after, String written) {
        StringBuilder sb = new StringBuilder(QueueReport.header(input)).append('\n');
        sb.append("Before chaining: ").append(summary(before)).append('\n');
        if (chain.changes().isEmpty()) {
            sb.append("Chain: nothing to rewrite.\n");
        } else {
            sb.append("Chain: ").append(chain.changes().size()).append(" entr").append(chain.changes().size() == 1 ? "y" : "ies")
                    .append(" rewritten (every other entry keeps its place and exact strings):\n");
            for (ChainChange c : chain.changes()) {
                sb.append(String.format("  op #%-3d - %s%n", c.index(), OperationView.describe(c.before())));
                sb.append(String.format("          + %s%n", OperationView.describe(c.after())));
                sb.append("            ").append(c.reason()).append('\n');
            }
        }
        if (!chain.skipped().isEmpty()) {
            sb.append("Left alone (").append(chain.skipped().size()).append(" target(s) the chainer cannot decide safely):\n");
            for (ChainResult.SkippedTarget s : chain.skipped()) {
                sb.append("  ").append(s.group().target()).append(" (ops ").append(s.group().renames()).append("): ")
                        .append(s.reason()).append('\n');
            }
        }
        sb.append("After chaining:  ").append(summary(after)).append('\n');
        if (!after.findings().isEmpty()) {
            sb.append('\n').append(QueueReport.findingsText(after.findings()));
        }
        sb.append('\n').append(written).append('\n');
        return sb.toString();
    }

    static ObjectNode json(LoadedQueue input, ChainResult chain, AnalysisResult before, AnalysisResult after, String written) {
        ObjectNode root = Json.object();
        root.put("command", "queue chain");
        root.set("input", QueueReport.inputJson(input));
        ArrayNode changes = root.putArray("changes");
        AttributionRules rules = AttributionRulesReader.defaults();
        for (ChainChange c : chain.changes()) {
            ObjectNode n = changes.addObject();
            n.put("index", c.index());
            n.set("before", OperationView.json(c.index(), c.before(), rules.attribute(c.before().sourcePath()), input.volume(), null));
            n.set("after", OperationView.json(c.index(), c.after(), rules.attribute(c.after().sourcePath()), input.volume(), null));
            n.put("reason", c.reason());
        }
        ArrayNode skipped = root.putArray("skipped_targets");
        for (ChainResult.SkippedTarget s : chain.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("target", s.group().target().toString());
            ArrayNode ops = n.putArray("operations");
            s.group().renames().forEach(ops::add);
            n.put("reason", s.reason());
        }
        ObjectNode values = root.putObject("chained_values");
        for (QueueValueName v : QueueValueName.values()) {
            if (chain.chained().hasValue(v)) {
                values.set(v.registryName(), Json.strings(chain.chained().strings(v)));
            }
        }
        root.set("findings_before", QueueReport.findingsJson(before.findings()));
        root.set("findings_after", QueueReport.findingsJson(after.findings()));
        root.put("safe_to_reboot_after_chain", !after.hasActionableFindings());
        root.put("written", written);
        return root;
    }

    private static String summary(AnalysisResult result) {
        long actionable = result.findings().stream().filter(f -> f.severity().isActionable()).count();
        return actionable == 0 ? "no finding needs attention" : actionable + " finding(s) need attention";
    }
}
