package dev.patchchain.fleet.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.core.analysis.Severity;
import java.time.Instant;
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
 * @param signals      reboot signals, when the scanner collected them (kept as given)
 * @param verification update verification results, when collected (kept as given)
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
        return queue.operations() > 0 ? MachineStatus.REBOOT_PENDING : MachineStatus.CLEAN;
    }

    /** @return the number of {@code DOWNGRADE} findings */
    public int downgrades() {
        return (int) findings.stream().filter(f -> f.code().equals("DOWNGRADE")).count();
    }
}
