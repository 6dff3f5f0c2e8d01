package dev.patchchain.fleet.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes snapshots (docs/formats/snapshot.md, docs/formats/snapshot.schema.json). Reading is strict: the
 * size is checked before parsing, unknown fields, wrong types and out-of-range values are refused with a
 * {@link SnapshotException} that says where.
 *
 * <pre>{@code
 * byte[] json = SnapshotFormat.write(snapshot);
 * Snapshot back = SnapshotFormat.read(json, "upload");   // equals snapshot
 * }</pre>
 */
public final class SnapshotFormat {

    /** The schema version this tool writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The largest snapshot accepted, in bytes (a queue of about 50k entries). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** The media type of a snapshot. */
    public static final String MEDIA_TYPE = "application/json";

    private static final int MAX_NESTING = 64;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_BYTES).build());
    }

    private SnapshotFormat() {
    }

    /**
     * @param bytes the JSON text (UTF-8)
     * @param name  where it came from, for messages
     * @return the snapshot
     * @throws SnapshotException if it is too large, not JSON, of another schema version or breaks the schema
     */
    public static Snapshot read(byte[] bytes, String name) throws SnapshotException {
        if (bytes.length > MAX_BYTES) {
            throw new SnapshotException(SnapshotException.Kind.TOO_LARGE,
                    name + ": " + bytes.length + " bytes, the limit is " + MAX_BYTES);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SnapshotException(SnapshotException.Kind.NOT_JSON, name + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new SnapshotException(SnapshotException.Kind.NOT_JSON, name + ": not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new SnapshotException(SnapshotException.Kind.NOT_JSON,
                    name + ": expected a JSON object, found " + (tree == null ? "nothing" : tree.getNodeType()));
        }
        return new SnapshotReader(name).read((ObjectNode) tree);
    }

    /**
     * @param snapshot a snapshot
     * @return its JSON text (UTF-8, indented)
     */
    public static byte[] write(Snapshot snapshot) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree we built", e);
        }
    }

    /**
     * @param snapshot a snapshot
     * @return its JSON tree
     */
    public static ObjectNode tree(Snapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        ObjectNode machine = root.putObject("machine");
        machine.put("id", snapshot.machine().machineId());
        machine.put("host", snapshot.machine().hostName());
        snapshot.machine().osBuild().ifPresent(b -> machine.put("os_build", b));
        ObjectNode scan = root.putObject("scan");
        scan.put("id", snapshot.scanId());
        scan.put("time", snapshot.scannedAt().toString());
        scan.put("tool_version", snapshot.toolVersion());
        ObjectNode queue = root.putObject("queue");
        ObjectNode values = queue.putObject("values");
        snapshot.queue().values().forEach((k, v) -> strings(values.putArray(k), v));
        queue.put("operations", snapshot.queue().operations());
        ArrayNode findings = root.putArray("findings");
        for (SnapshotFinding f : snapshot.findings()) {
            ObjectNode n = findings.addObject();
            n.put("code", f.code());
            n.put("severity", f.severity());
            n.put("message", f.message());
            strings(n.putArray("paths"), f.paths());
            ArrayNode ops = n.putArray("operations");
            f.operations().forEach(ops::add);
        }
        snapshot.signals().ifPresent(s -> root.set("signals", s.deepCopy()));
        snapshot.verification().ifPresent(v -> root.set("verification", v.deepCopy()));
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
