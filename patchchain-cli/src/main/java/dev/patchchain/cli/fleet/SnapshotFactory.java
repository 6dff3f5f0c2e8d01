package dev.patchchain.cli.fleet;

import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.Finding;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFinding;
import dev.patchchain.fleet.snapshot.SnapshotQueue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a loaded queue and its analysis into a snapshot of the machine (signals and verification come later). */
final class SnapshotFactory {

    private SnapshotFactory() {
    }

    static Snapshot of(MachineIdentity machine, String scanId, Instant scannedAt, String toolVersion, LoadedQueue input,
                       AnalysisResult result) {
        PendingQueue queue = input.queue();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (QueueValueName v : QueueValueName.values()) {
            if (queue.hasValue(v)) {
                values.put(v.registryName(), queue.strings(v));
            }
        }
        List<SnapshotFinding> findings = result.findings().stream().map(SnapshotFactory::finding).toList();
        return new Snapshot(machine, scanId, scannedAt, toolVersion, new SnapshotQueue(values, queue.operations().size()),
                findings, Optional.empty(), Optional.empty());
    }

    private static SnapshotFinding finding(Finding f) {
        return new SnapshotFinding(f.code().name(), f.severity().name(), f.message(),
                f.paths().stream().map(Object::toString).toList(), f.operations());
    }
}
