package dev.patchchain.fleet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.fleet.TestSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Snapshot sample = TestSnapshots.downgrading("4c4c4544-0031", "scan-1", TestSnapshots.NOW,
            "C:\\Windows\\System32\\foo.dll");

    @Test
    void a_written_snapshot_reads_back_equal_with_its_optional_sections() throws Exception {
        ObjectNode verification = MAPPER.createObjectNode().put("catalog", "catalog.json");
        verification.putArray("updates").addObject().put("id", "KB5031356").put("status", "REGRESSED")
                .putObject("files").put("CURRENT", 11).put("REGRESSED", 1);
        Snapshot signalled = TestSnapshots.withSignals(sample, "cbs-reboot-pending", "file-rename-pending");
        Snapshot withSignals = new Snapshot(sample.machine(), sample.scanId(), sample.scannedAt(), sample.toolVersion(),
                sample.queue(), sample.findings(), signalled.signals(), Optional.of(verification));

        assertThat(SnapshotFormat.read(SnapshotFormat.write(sample), "t")).isEqualTo(sample);
        assertThat(SnapshotFormat.read(SnapshotFormat.write(withSignals), "t")).isEqualTo(withSignals);
        assertThat(sample.status()).isEqualTo(MachineStatus.DOWNGRADE);
        assertThat(withSignals.rebootReasons()).containsExactly("cbs-reboot-pending", "file-rename-pending");
    }

    @Test
    void signals_decide_the_reboot_reasons_and_without_them_the_queue_does() {
        Snapshot queued = TestSnapshots.rebootPending("m", "1", TestSnapshots.NOW, 2);
        Snapshot clean = TestSnapshots.clean("m", "2", TestSnapshots.NOW);

        assertThat(queued.rebootReasons()).containsExactly(Snapshot.QUEUE_REASON);
        assertThat(clean.rebootReasons()).isEmpty();
        assertThat(TestSnapshots.withSignals(clean, "cbs-reboot-pending").status()).isEqualTo(MachineStatus.REBOOT_PENDING);
        assertThat(TestSnapshots.withSignals(clean).status()).isEqualTo(MachineStatus.CLEAN);
    }

    @Test
    void the_documented_example_is_a_valid_snapshot() throws Exception {
        String doc = Files.readString(repoRoot().resolve("docs/formats/snapshot.md"));
        String example = doc.substring(doc.indexOf("```json") + 7, doc.lastIndexOf("```"));

        Snapshot read = SnapshotFormat.read(example.getBytes(StandardCharsets.UTF_8), "snapshot.md");

        assertThat(read.machine().hostName()).isEqualTo("WS-0042");
        assertThat(read.status()).isEqualTo(MachineStatus.DOWNGRADE);
        assertThat(read.rebootReasons()).containsExactly("cbs-reboot-pending", "file-rename-pending");
        assertThat(read.verification()).isPresent();
    }

    @Test
    void the_published_schema_requires_and_allows_what_the_reader_does() throws Exception {
        JsonNode schema = MAPPER.readTree(repoRoot().resolve("docs/formats/snapshot.schema.json").toFile());
        ObjectNode written = SnapshotFormat.tree(sample);

        assertThat(names(schema.get("required"))).containsExactlyInAnyOrderElementsOf(
                List.of("schema_version", "machine", "scan", "queue", "findings"));
        written.fieldNames().forEachRemaining(f -> assertThat(schema.get("properties").has(f)).as(f).isTrue());
        assertThat(schema.at("/properties/schema_version/const").intValue()).isEqualTo(SnapshotFormat.SCHEMA_VERSION);
    }

    @Test
    void an_oversized_snapshot_is_refused_before_parsing() {
        byte[] big = new byte[SnapshotFormat.MAX_BYTES + 1];
        assertThatThrownBy(() -> SnapshotFormat.read(big, "big.json")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("limit is " + SnapshotFormat.MAX_BYTES)
                .satisfies(e -> assertThat(((SnapshotException) e).kind()).isEqualTo(SnapshotException.Kind.TOO_LARGE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"schema_version\":1,|NOT_JSON|not JSON",
            "[1,2]|NOT_JSON|expected a JSON object",
            "{\"schema_version\":2}|UNSUPPORTED_VERSION|this tool reads version 1"})
    void broken_input_says_why(String json, SnapshotException.Kind kind, String message) {
        assertThatThrownBy(() -> SnapshotFormat.read(json.getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((SnapshotException) e).kind()).isEqualTo(kind));
    }

    @Test
    void every_schema_violation_names_its_pointer() {
        List<String> messages = new ArrayList<>();
        violation(messages, n -> n.remove("machine"));
        violation(messages, n -> ((ObjectNode) n.get("machine")).put("id", "../etc"));
        violation(messages, n -> ((ObjectNode) n.get("scan")).put("time", "yesterday"));
        violation(messages, n -> ((ObjectNode) n.get("queue")).put("operations", -1));
        violation(messages, n -> ((ObjectNode) n.at("/queue/values")).putArray("Other"));
        violation(messages, n -> ((ObjectNode) n.at("/findings/0")).put("severity", "SEVERE"));
        violation(messages, n -> ((ObjectNode) n.at("/findings/0")).putArray("operations").add(-3));
        violation(messages, n -> n.put("extra", 1));
        violation(messages, n -> n.put("signals", "yes"));
        violation(messages, n -> n.putObject("signals").put("reboot_pending", true).putArray("reasons"));
        violation(messages, n -> n.putObject("signals").put("reboot_pending", true).putArray("reasons").addObject()
                .put("code", "CBS").put("kind", "update").put("reason", "r").put("source", "s").put("evidence", ""));
        violation(messages, n -> n.putObject("signals").put("reboot_pending", true).putArray("reasons").addObject()
                .put("code", "cbs").put("kind", "whim").put("reason", "r").put("source", "s").put("evidence", ""));
        violation(messages, n -> n.putObject("signals").put("reboot_pending", false).put("extra", 1));
        violation(messages, n -> n.putObject("verification").putArray("updates").addObject().put("id", "KB1")
                .put("status", "CURRENT").putObject("files").put("CURRENT", -1));

        assertThat(messages).containsExactly(
                "x: /machine: expected an object, found nothing",
                "x: /machine/id: expected 1-128 characters of A-Z a-z 0-9 . _ : { } - (not starting with a symbol), "
                        + "found \"../etc\"",
                "x: /scan/time: expected an ISO-8601 UTC time such as 2026-11-25T16:45:00Z, found \"yesterday\"",
                "x: /queue/operations: expected an integer 0..500000, found -1",
                "x: /queue/values/Other: expected one of [PendingFileRenameOperations, PendingFileRenameOperations2], "
                        + "found Other",
                "x: /findings/0/severity: expected one of [HIGH, MEDIUM, LOW, INFO], found \"SEVERE\"",
                "x: /findings/0/operations/0: expected an integer >= 0, found -3",
                "x: /extra: unknown field; expected one of [schema_version, machine, scan, queue, findings, signals, "
                        + "verification]",
                "x: /signals: expected an object, found \"yes\"",
                "x: /signals/reboot_pending: expected false (no reasons), found true",
                "x: /signals/reasons/0/code: expected a reason code such as cbs-reboot-pending, found \"CBS\"",
                "x: /signals/reasons/0/kind: expected one of [update, installation, configuration, housekeeping], "
                        + "found \"whim\"",
                "x: /signals/extra: unknown field; expected one of [reboot_pending, control_set, reasons]",
                "x: /verification/updates/0/files/CURRENT: expected an integer of at least 0, found -1");
    }

    private void violation(List<String> messages, Consumer<ObjectNode> edit) {
        ObjectNode tree = SnapshotFormat.tree(sample);
        edit.accept(tree);
        try {
            SnapshotFormat.read(MAPPER.writeValueAsBytes(tree), "x");
            messages.add("accepted");
        } catch (SnapshotException e) {
            assertThat(e.kind()).isEqualTo(SnapshotException.Kind.INVALID);
            messages.add(e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    private static Path repoRoot() {
        return Path.of(System.getenv("PATCHCHAIN_REPO_ROOT"));
    }
}
