package dev.patchchain.cli.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;

/** How one queue entry is shown: a short text form and a JSON object. */
public final class OperationView {

    private OperationView() {
    }

    /** @return e.g. {@code rename! C:\stage\a.tmp -> C:\x.dll}, {@code delete C:\a.tmp}, {@code ?? "x" | "y"} */
    public static String describe(PendingOperation op) {
        if (op instanceof PendingOperation.Rename r) {
            return (r.replaceExisting() ? "rename! " : "rename  ") + marker(r.sourceMarker()) + r.source() + " -> " + r.target();
        }
        if (op instanceof PendingOperation.Delete d) {
            return "delete  " + marker(d.sourceMarker()) + d.source();
        }
        PendingOperation.Unparseable u = (PendingOperation.Unparseable) op;
        return "??      " + String.join(" | ", u.rawStrings().stream().map(s -> "\"" + s + "\"").toList());
    }

    /** @return the version of the staged source as the volume has it now, or a short reason */
    static String sourceVersion(PendingOperation op, VolumeState volume) {
        if (op.sourcePath() == null) {
            return "";
        }
        PathState state = volume.stat(op.sourcePath());
        if (state instanceof PathState.File f) {
            return f.facts().version().map(Object::toString).orElse("no version");
        }
        if (state instanceof PathState.Directory) {
            return "directory";
        }
        return state instanceof PathState.Unknown ? "?" : "missing";
    }

    static ObjectNode json(int index, PendingOperation op, Attribution attribution, VolumeState volume, OperationOutcome outcome) {
        ObjectNode node = Json.object();
        node.put("index", index);
        node.put("value", op.origin().fromFile() ? op.origin().file() : op.origin().value().registryName());
        if (op.origin().stringIndex() >= 0) {
            node.put("string_index", op.origin().stringIndex());
        } else {
            node.putNull("string_index");
        }
        if (op instanceof PendingOperation.Rename r) {
            node.put("type", "rename");
            node.put("source", r.source().toString());
            node.put("target", r.target().toString());
            node.put("replace_existing", r.replaceExisting());
            node.put("source_marker", r.sourceMarker());
            node.put("target_marker", r.targetMarker());
        } else if (op instanceof PendingOperation.Delete d) {
            node.put("type", "delete");
            node.put("source", d.source().toString());
            node.put("source_marker", d.sourceMarker());
        } else {
            node.put("type", "unparseable");
            node.put("reason", ((PendingOperation.Unparseable) op).reason());
        }
        node.set("raw", Json.strings(op.rawStrings()));
        node.put("attribution", attribution.name());
        if (op.sourcePath() != null && volume.isKnown()) {
            PathState state = volume.stat(op.sourcePath());
            node.put("source_state", stateName(state));
            if (state instanceof PathState.File f) {
                putFacts(node, "source_", f.facts());
            }
        }
        if (outcome != null) {
            ObjectNode o = node.putObject("outcome");
            o.put("status", outcome.status().name());
            o.put("ntstatus", String.format("0x%08X", outcome.status().ntStatus()));
            o.put("detail", outcome.detail());
            o.put("assumed", outcome.assumed());
            outcome.replaced().ifPresent(f -> putFacts(o, "replaced_", f));
        }
        return node;
    }

    static String stateName(PathState state) {
        if (state instanceof PathState.File) {
            return "file";
        }
        if (state instanceof PathState.Directory) {
            return "directory";
        }
        return state instanceof PathState.Unknown ? "unknown" : "absent";
    }

    private static void putFacts(ObjectNode node, String prefix, FileFacts facts) {
        if (facts.version().isPresent()) {
            node.put(prefix + "version", facts.version().get().toString());
        } else {
            node.putNull(prefix + "version");
            node.put(prefix + "version_note", facts.versionNote());
        }
        if (facts.size() >= 0) {
            node.put(prefix + "size", facts.size());
        }
    }

    private static String marker(String marker) {
        return marker.isEmpty() ? "" : "[" + marker + "] ";
    }
}
