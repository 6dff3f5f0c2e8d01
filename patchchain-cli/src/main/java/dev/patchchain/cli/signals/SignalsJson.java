package dev.patchchain.cli.signals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.signals.QueueEntry;
import dev.patchchain.core.signals.RebootSignal;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.signals.Zombie;
import java.util.List;
import java.util.Locale;

/**
 * The JSON report of {@code signals}: {@code {command, input{system, software, volume, ignore[]}, control_set,
 * reboot_pending, signals[{code, reason, kind, source, evidence}], ignored[...], queue[{index, value, strings[],
 * attribution, rule, ignored}], zombies[{index, reason, evidence}], notes[], warnings[]}}.
 */
final class SignalsJson {

    private SignalsJson() {
    }

    static ObjectNode render(SignalReport report, SignalsInput input) {
        ObjectNode root = Json.object();
        root.put("command", "signals");
        ObjectNode in = root.putObject("input");
        in.put("system", input.system());
        in.put("software", input.software());
        in.put("volume", input.volume());
        in.set("ignore", Json.strings(input.ignored().stream().map(Attribution::id).sorted().toList()));
        root.put("control_set", report.controlSet());
        root.put("reboot_pending", report.rebootPending());
        root.set("signals", signals(report.signals()));
        root.set("ignored", signals(report.ignored()));
        ArrayNode queue = root.putArray("queue");
        for (QueueEntry e : report.entries()) {
            ObjectNode n = queue.addObject();
            n.put("index", e.index());
            n.put("value", e.operation().origin().value().registryName());
            n.set("strings", Json.strings(e.operation().rawStrings()));
            n.put("attribution", e.attribution().id());
            n.put("rule", e.rule().orElse(null));
            n.put("ignored", e.ignored());
        }
        ArrayNode zombies = root.putArray("zombies");
        for (Zombie z : report.zombies()) {
            ObjectNode n = zombies.addObject();
            n.put("index", z.index());
            n.put("reason", z.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            n.put("evidence", z.evidence());
        }
        if (input.pendingXml() == null) {
            root.putNull("pending_xml");
        } else {
            ObjectNode px = root.putObject("pending_xml");
            px.put("file", input.pendingXml().file().toString());
            px.put("file_operations", input.pendingXml().xml().fileOperations().size());
            px.put("registry_operations", input.pendingXml().xml().registryOperations().size());
            px.set("first_changes", Json.strings(input.pendingXml().firstChanges()));
        }
        root.set("notes", Json.strings(report.notes()));
        root.set("warnings", Json.strings(input.warnings()));
        return root;
    }

    private static ArrayNode signals(List<RebootSignal> signals) {
        ArrayNode out = Json.array();
        for (RebootSignal s : signals) {
            ObjectNode n = out.addObject();
            n.put("code", s.code().id());
            n.put("reason", s.code().reason());
            n.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            n.put("source", s.source());
            n.put("evidence", s.evidence());
        }
        return out;
    }
}
