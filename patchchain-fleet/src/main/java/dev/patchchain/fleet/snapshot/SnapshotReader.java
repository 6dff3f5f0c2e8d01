package dev.patchchain.fleet.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.core.analysis.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a parsed JSON object into a {@link Snapshot}, checking every field the schema constrains. */
final class SnapshotReader {

    /** Machine and scan ids: what MachineGuid, UUIDs and host names use. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:{}-]{0,127}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** The analysis' severities, most severe first. */
    private static final List<String> SEVERITIES = List.of(Severity.HIGH.name(), Severity.MEDIUM.name(),
            Severity.LOW.name(), Severity.INFO.name());
    private static final List<String> VALUE_NAMES = List.of("PendingFileRenameOperations", "PendingFileRenameOperations2");
    /** Reboot signal reason codes, e.g. {@code cbs-reboot-pending}; newer codes are accepted. */
    private static final Pattern REASON_CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final List<String> SIGNAL_KINDS = List.of("update", "installation", "configuration", "housekeeping");
    private static final int MAX_REASONS = 1_000;
    private static final int MAX_TEXT = 32_767;
    private static final int MAX_SHORT_TEXT = 255;
    private static final int MAX_ITEMS = 500_000;

    private final String name;

    SnapshotReader(String name) {
        this.name = name;
    }

    Snapshot read(ObjectNode root) throws SnapshotException {
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isInt()) {
            throw invalid("/schema_version", "an integer", version);
        }
        if (version.intValue() != SnapshotFormat.SCHEMA_VERSION) {
            throw new SnapshotException(SnapshotException.Kind.UNSUPPORTED_VERSION, name + ": /schema_version is "
                    + version.intValue() + ", this tool reads version " + SnapshotFormat.SCHEMA_VERSION);
        }
        only(root, "", List.of("schema_version", "machine", "scan", "queue", "findings", "signals", "verification"));
        ObjectNode machine = object(root, "", "machine");
        only(machine, "/machine", List.of("id", "host", "os_build"));
        ObjectNode scan = object(root, "", "scan");
        only(scan, "/scan", List.of("id", "time", "tool_version"));
        MachineIdentity identity = new MachineIdentity(id(machine, "/machine", "id"),
                text(machine, "/machine", "host", MAX_SHORT_TEXT),
                machine.has("os_build") ? Optional.of(text(machine, "/machine", "os_build", MAX_SHORT_TEXT))
                        : Optional.empty());
        return new Snapshot(identity, id(scan, "/scan", "id"), time(scan), text(scan, "/scan", "tool_version", MAX_SHORT_TEXT),
                queue(object(root, "", "queue")), findings(root), signals(root), verification(root));
    }

    /** {@code /signals}: {@code {reboot_pending, control_set?, reasons[{code, kind, reason, source, evidence}]}}. */
    private Optional<ObjectNode> signals(ObjectNode root) throws SnapshotException {
        Optional<ObjectNode> signals = optionalObject(root, "signals");
        if (signals.isEmpty()) {
            return signals;
        }
        ObjectNode s = signals.get();
        only(s, "/signals", List.of("reboot_pending", "control_set", "reasons"));
        JsonNode pending = s.get("reboot_pending");
        if (pending == null || !pending.isBoolean()) {
            throw invalid("/signals/reboot_pending", "true or false", pending);
        }
        if (s.has("control_set")) {
            text(s, "/signals", "control_set", MAX_SHORT_TEXT);
        }
        JsonNode reasons = s.get("reasons");
        if (reasons == null || !reasons.isArray() || reasons.size() > MAX_REASONS) {
            throw invalid("/signals/reasons", "an array of at most " + MAX_REASONS + " objects", reasons);
        }
        for (int i = 0; i < reasons.size(); i++) {
            String where = "/signals/reasons/" + i;
            if (!reasons.get(i).isObject()) {
                throw invalid(where, "an object", reasons.get(i));
            }
            ObjectNode r = (ObjectNode) reasons.get(i);
            only(r, where, List.of("code", "kind", "reason", "source", "evidence"));
            if (!REASON_CODE.matcher(text(r, where, "code", 64)).matches()) {
                throw invalid(where + "/code", "a reason code such as cbs-reboot-pending", r.get("code"));
            }
            if (!SIGNAL_KINDS.contains(text(r, where, "kind", 16))) {
                throw invalid(where + "/kind", "one of " + SIGNAL_KINDS, r.get("kind"));
            }
            text(r, where, "reason", MAX_TEXT);
            text(r, where, "source", MAX_TEXT);
            JsonNode evidence = r.get("evidence");
            if (evidence == null || !evidence.isTextual() || evidence.textValue().length() > MAX_TEXT) {
                throw invalid(where + "/evidence", "a string of at most " + MAX_TEXT + " characters", evidence);
            }
        }
        if (pending.booleanValue() != !reasons.isEmpty()) {
            throw invalid("/signals/reboot_pending", reasons.isEmpty() ? "false (no reasons)" : "true (reasons given)",
                    pending);
        }
        return signals;
    }

    /** {@code /verification}: {@code {catalog?, updates[{id, status, files{STATUS: n}}]}}. */
    private Optional<ObjectNode> verification(ObjectNode root) throws SnapshotException {
        Optional<ObjectNode> verification = optionalObject(root, "verification");
        if (verification.isEmpty()) {
            return verification;
        }
        ObjectNode v = verification.get();
        only(v, "/verification", List.of("catalog", "updates"));
        if (v.has("catalog")) {
            text(v, "/verification", "catalog", MAX_SHORT_TEXT);
        }
        JsonNode updates = v.get("updates");
        if (updates == null || !updates.isArray() || updates.size() > MAX_ITEMS) {
            throw invalid("/verification/updates", "an array of at most " + MAX_ITEMS + " objects", updates);
        }
        for (int i = 0; i < updates.size(); i++) {
            String where = "/verification/updates/" + i;
            if (!updates.get(i).isObject()) {
                throw invalid(where, "an object", updates.get(i));
            }
            ObjectNode u = (ObjectNode) updates.get(i);
            only(u, where, List.of("id", "status", "files"));
            text(u, where, "id", MAX_SHORT_TEXT);
            if (!CODE.matcher(text(u, where, "status", 64)).matches()) {
                throw invalid(where + "/status", "a status such as CURRENT or REGRESSED", u.get("status"));
            }
            ObjectNode files = object(u, where, "files");
            for (Map.Entry<String, JsonNode> e : files.properties()) {
                if (!CODE.matcher(e.getKey()).matches()) {
                    throw invalid(where + "/files/" + e.getKey(), "a status such as CURRENT or REGRESSED", e.getKey());
                }
                if (!e.getValue().isInt() || e.getValue().intValue() < 0) {
                    throw invalid(where + "/files/" + e.getKey(), "an integer of at least 0", e.getValue());
                }
            }
        }
        return verification;
    }

    private SnapshotQueue queue(ObjectNode queue) throws SnapshotException {
        only(queue, "/queue", List.of("values", "operations"));
        ObjectNode values = object(queue, "/queue", "values");
        Map<String, List<String>> read = new LinkedHashMap<>();
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String value = it.next();
            if (!VALUE_NAMES.contains(value)) {
                throw invalid("/queue/values/" + value, "one of " + VALUE_NAMES, value);
            }
            read.put(value, strings(values.get(value), "/queue/values/" + value, MAX_TEXT));
        }
        JsonNode operations = queue.get("operations");
        if (operations == null || !operations.isInt() || operations.intValue() < 0 || operations.intValue() > MAX_ITEMS) {
            throw invalid("/queue/operations", "an integer 0.." + MAX_ITEMS, operations);
        }
        return new SnapshotQueue(read, operations.intValue());
    }

    private List<SnapshotFinding> findings(ObjectNode root) throws SnapshotException {
        JsonNode array = root.get("findings");
        if (array == null || !array.isArray() || array.size() > MAX_ITEMS) {
            throw invalid("/findings", "an array of at most " + MAX_ITEMS + " findings", array);
        }
        List<SnapshotFinding> findings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String where = "/findings/" + i;
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw invalid(where, "an object", node);
            }
            ObjectNode f = (ObjectNode) node;
            only(f, where, List.of("code", "severity", "message", "paths", "operations"));
            String code = text(f, where, "code", 64);
            if (!CODE.matcher(code).matches()) {
                throw invalid(where + "/code", "an upper-case code such as DOWNGRADE", f.get("code"));
            }
            String severity = text(f, where, "severity", 16);
            if (!SEVERITIES.contains(severity)) {
                throw invalid(where + "/severity", "one of " + SEVERITIES, f.get("severity"));
            }
            findings.add(new SnapshotFinding(code, severity, text(f, where, "message", MAX_TEXT),
                    strings(f.get("paths"), where + "/paths", MAX_TEXT), indices(f.get("operations"), where + "/operations")));
        }
        return findings;
    }

    private List<Integer> indices(JsonNode array, String where) throws SnapshotException {
        if (array == null || !array.isArray() || array.size() > MAX_ITEMS) {
            throw invalid(where, "an array of operation indices", array);
        }
        List<Integer> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            if (!n.isInt() || n.intValue() < 0) {
                throw invalid(where + "/" + i, "an integer >= 0", n);
            }
            out.add(n.intValue());
        }
        return out;
    }

    private List<String> strings(JsonNode array, String where, int maxLength) throws SnapshotException {
        if (array == null || !array.isArray() || array.size() > MAX_ITEMS) {
            throw invalid(where, "an array of at most " + MAX_ITEMS + " strings", array);
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            if (!n.isTextual() || n.textValue().length() > maxLength) {
                throw invalid(where + "/" + i, "a string of at most " + maxLength + " characters", n);
            }
            out.add(n.textValue());
        }
        return out;
    }

    private Instant time(ObjectNode scan) throws SnapshotException {
        String text = text(scan, "/scan", "time", 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("/scan/time", "an ISO-8601 UTC time such as 2026-11-25T16:45:00Z", scan.get("time"));
        }
    }

    private String id(ObjectNode node, String where, String field) throws SnapshotException {
        String text = text(node, where, field, 128);
        if (!ID.matcher(text).matches()) {
            throw invalid(where + "/" + field, "1-128 characters of A-Z a-z 0-9 . _ : { } - (not starting with a symbol)",
                    node.get(field));
        }
        return text;
    }

    private String text(ObjectNode node, String where, String field, int maxLength) throws SnapshotException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxLength) {
            throw invalid(where + "/" + field, "a non-empty string of at most " + maxLength + " characters", value);
        }
        return value.textValue();
    }

    private ObjectNode object(ObjectNode node, String where, String field) throws SnapshotException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw invalid(where + "/" + field, "an object", value);
        }
        return (ObjectNode) value;
    }

    private Optional<ObjectNode> optionalObject(ObjectNode root, String field) throws SnapshotException {
        return root.has(field) ? Optional.of(object(root, "", field)) : Optional.empty();
    }

    private void only(ObjectNode node, String where, List<String> allowed) throws SnapshotException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new SnapshotException(SnapshotException.Kind.INVALID,
                        name + ": " + where + "/" + field + ": unknown field; expected one of " + allowed);
            }
        }
    }

    private SnapshotException invalid(String where, String expected, Object actual) {
        String found = actual == null ? "nothing" : abbreviate(String.valueOf(actual));
        return new SnapshotException(SnapshotException.Kind.INVALID,
                name + ": " + where + ": expected " + expected + ", found " + found);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
