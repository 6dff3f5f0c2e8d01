package dev.patchchain.cli.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.platform.registry.ApplyOptions;
import dev.patchchain.platform.registry.ApplyOutcome;
import dev.patchchain.platform.registry.QueueBackup;

/** Renders what a write did: the registry, the digests before and after, the backup, the audit log, the changes. */
final class ApplyReport {

    private ApplyReport() {
    }

    static String text(String location, ApplyOutcome outcome, ApplyOptions options) {
        if (!outcome.written()) {
            return "Nothing to write: " + location + " already holds that queue.\n";
        }
        QueueBackup backup = outcome.backup().orElseThrow();
        StringBuilder sb = new StringBuilder("Wrote ").append(location).append(" (sha256 ")
                .append(outcome.before().sha256(), 0, 12).append(" -> ").append(outcome.after().sha256(), 0, 12)
                .append("), verified by reading it back.\n");
        outcome.changes().forEach(c -> sb.append("  ").append(c).append('\n'));
        sb.append("Backup: ").append(backup.regFile()).append(" (`reg import` restores the values by hand)\n");
        sb.append("        ").append(backup.recordFile()).append(" (`patchchain queue chain --undo ")
                .append(backup.recordFile()).append("` with the same --hive, --image or --live restores them, if no")
                .append(" other program wrote since)\n");
        sb.append("Audit log: ").append(options.auditLog()).append('\n');
        return sb.toString();
    }

    static ObjectNode json(String command, String location, ApplyOutcome outcome, ApplyOptions options) {
        ObjectNode root = Json.object();
        root.put("command", command);
        root.put("location", location);
        root.put("written", outcome.written());
        root.put("sha256_before", outcome.before().sha256());
        root.put("sha256_after", outcome.after().sha256());
        root.set("changes", Json.strings(outcome.changes()));
        if (outcome.backup().isPresent()) {
            root.put("backup_reg", outcome.backup().get().regFile().toString());
            root.put("backup_record", outcome.backup().get().recordFile().toString());
            root.put("audit_log", options.auditLog().toString());
        }
        return root;
    }
}
