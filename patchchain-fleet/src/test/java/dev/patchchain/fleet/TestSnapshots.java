package dev.patchchain.fleet;

import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFinding;
import dev.patchchain.fleet.snapshot.SnapshotQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds snapshots for tests: a machine with a queue of renames, some of which downgrade a file. */
public final class TestSnapshots {

    /** A fixed "now" for tests that compute reports. */
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private TestSnapshots() {
    }

    /** @return a clean machine: empty queue, no findings */
    public static Snapshot clean(String machineId, String scanId, Instant at) {
        return of(machineId, scanId, at, 0, List.of());
    }

    /** @return a machine whose queue downgrades each of {@code files} */
    public static Snapshot downgrading(String machineId, String scanId, Instant at, String... files) {
        List<SnapshotFinding> findings = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            findings.add(new SnapshotFinding("DOWNGRADE", "HIGH", files[i] + " will become 6.1.7601.17514 although "
                    + "6.1.7601.23403 is queued", List.of(files[i]), List.of(2 * i, 2 * i + 1)));
        }
        return of(machineId, scanId, at, Math.max(1, 2 * files.length), findings);
    }

    /** @return a machine with {@code operations} harmless queued renames */
    public static Snapshot rebootPending(String machineId, String scanId, Instant at, int operations) {
        return of(machineId, scanId, at, operations, List.of());
    }

    private static Snapshot of(String machineId, String scanId, Instant at, int operations, List<SnapshotFinding> findings) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            strings.add("\\??\\C:\\Windows\\WinSxS\\Temp\\PendingRenames\\f" + i + ".dll");
            strings.add("!\\??\\C:\\Windows\\System32\\f" + i + ".dll");
        }
        Map<String, List<String>> values = operations == 0 ? Map.of() : Map.of("PendingFileRenameOperations", strings);
        return new Snapshot(new MachineIdentity(machineId, machineId.toUpperCase(java.util.Locale.ROOT),
                Optional.of("19045.6218")), scanId, at, "0.1.0-test", new SnapshotQueue(values, operations), findings,
                Optional.empty(), Optional.empty());
    }

    /**
     * @return {@code snapshot} with a signals section giving these reason codes (none: no reboot pending)
     */
    public static Snapshot withSignals(Snapshot snapshot, String... codes) {
        com.fasterxml.jackson.databind.node.ObjectNode signals =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        signals.put("reboot_pending", codes.length > 0);
        signals.put("control_set", "ControlSet001");
        com.fasterxml.jackson.databind.node.ArrayNode reasons = signals.putArray("reasons");
        for (String code : codes) {
            reasons.addObject().put("code", code).put("kind", "update").put("reason", "because of " + code)
                    .put("source", "SOFTWARE\\" + code).put("evidence", "present");
        }
        return new Snapshot(snapshot.machine(), snapshot.scanId(), snapshot.scannedAt(), snapshot.toolVersion(),
                snapshot.queue(), snapshot.findings(), Optional.of(signals), snapshot.verification());
    }
}
