package dev.patchchain.fleet.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.core.analysis.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scan of one machine (schema version {@value SnapshotFormat#SCHEMA_VERSION}). The pair (machine id, scan id)
 * identifies it: storing the same pair twice is a no-op, so agents may retry.
 *
 * <pre>{@code
 * Snapshot s = SnapshotFormat.read(bytes, "ws-0042.json");
 * s.status();   // DOWNGRADE
 * }</pre>
 *
 * @param machine      the machine
 * @param scanId       unique per scan of that machine
 * @param scannedAt    when the scan ran
 * @param toolVersion  the patchchain version that made it
 * @param queue        the pending rename queue
 * @param findings     the analysis' findings, most severe first
 * @param signals      reboot signals, when the scanner collected them ({@code /signals}, docs/formats/snapshot.md)
 * @param verification update verification results, when collected ({@code /verification})
 */
public record Snapshot(MachineIdentity machine, String scanId, Instant scannedAt, String toolVersion,
                       SnapshotQueue queue, List<SnapshotFinding> findings, Optional<ObjectNode> signals,
                       Optional<ObjectNode> verification) {

    /** Copies the list and checks the components. */
    public Snapshot {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(queue, "queue");
        findings = List.copyOf(findings);
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * @return the worst thing this snapshot says about the machine
     * @throws IllegalArgumentException if a finding's severity is not one of {@link Severity}'s (the reader refuses those)
     */
    public MachineStatus status() {
        if (downgrades() > 0) {
            return MachineStatus.DOWNGRADE;
        }
        if (findings.stream().anyMatch(f -> Severity.valueOf(f.severity()).isActionable())) {
            return MachineStatus.ATTENTION;
        }
        return rebootReasons().isEmpty() ? MachineStatus.CLEAN : MachineStatus.REBOOT_PENDING;
    }

    /** @return the number of {@code DOWNGRADE} findings */
    public int downgrades() {
        return (int) findings.stream().filter(f -> f.code().equals("DOWNGRADE")).count();
    }

    /**
     * @return why a reboot is pending, as reason codes in the snapshot's order: those of {@code /signals/reasons};
     *         without a signals section, {@code file-rename-pending} if the queue has operations (the one reason the
     *         queue itself tells), else none
     */
    public List<String> rebootReasons() {
        if (signals.isPresent()) {
            List<String> codes = new ArrayList<>();
            JsonNode reasons = signals.get().path("reasons");
            for (JsonNode r : reasons) {
                String code = r.path("code").asText();
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }
        return queue.operations() > 0 ? List.of(QUEUE_REASON) : List.of();
    }

    /** The reason code of a non-empty rename queue, as {@code patchchain signals} names it. */
    public static final String QUEUE_REASON = "file-rename-pending";
}
