package dev.patchchain.cli.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.Finding;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.signals.RebootSignal;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.verify.FileCheck;
import dev.patchchain.core.verify.UpdateCheck;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.core.verify.VerifyStatus;
import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFinding;
import dev.patchchain.fleet.snapshot.SnapshotQueue;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a loaded queue, its analysis and the machine's reboot signals into a snapshot of the machine. */
final class SnapshotFactory {

    private SnapshotFactory() {
    }

    static Snapshot of(MachineIdentity machine, String scanId, Instant scannedAt, String toolVersion, LoadedQueue input,
                       AnalysisResult result, Optional<SignalReport> signals, Optional<Verification> verification) {
        PendingQueue queue = input.queue();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (QueueValueName v : QueueValueName.values()) {
            if (queue.hasValue(v)) {
                values.put(v.registryName(), queue.strings(v));
            }
        }
        List<SnapshotFinding> findings = result.findings().stream().map(SnapshotFactory::finding).toList();
        return new Snapshot(machine, scanId, scannedAt, toolVersion, new SnapshotQueue(values, queue.operations().size()),
                findings, signals.map(SnapshotFactory::signals), verification.map(SnapshotFactory::verification));
    }

    /**
     * A verification to put in a snapshot.
     *
     * @param catalog the catalog file names, as given
     * @param report  the verdicts
     */
    record Verification(String catalog, VerifyReport report) {
    }

    /** {@code /verification}: {@code {catalog, updates[{id, status, files{STATUS: n}}]}}. */
    static ObjectNode verification(Verification v) {
        ObjectNode root = Json.object();
        String catalog = v.catalog().length() <= 255 ? v.catalog() : v.catalog().substring(0, 252) + "...";
        if (!catalog.isEmpty()) {
            root.put("catalog", catalog);
        }
        ArrayNode updates = root.putArray("updates");
        for (UpdateCheck u : v.report().updates()) {
            ObjectNode n = updates.addObject();
            n.put("id", u.update().id().value());
            n.put("status", u.status().name());
            Map<VerifyStatus, Integer> counts = new EnumMap<>(VerifyStatus.class);
            for (FileCheck f : u.files()) {
                counts.merge(f.status(), 1, Integer::sum);
            }
            ObjectNode files = n.putObject("files");
            counts.forEach((status, count) -> files.put(status.name(), count));
        }
        return root;
    }

    /** {@code /signals}: {@code {reboot_pending, control_set, reasons[{code, kind, reason, source, evidence}]}}. */
    static ObjectNode signals(SignalReport report) {
        ObjectNode root = Json.object();
        root.put("reboot_pending", report.rebootPending());
        root.put("control_set", report.controlSet());
        ArrayNode reasons = root.putArray("reasons");
        for (RebootSignal s : report.signals()) {
            ObjectNode n = reasons.addObject();
            n.put("code", s.code().id());
            n.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            n.put("reason", s.code().reason());
            n.put("source", s.source());
            n.put("evidence", s.evidence());
        }
        return root;
    }

    private static SnapshotFinding finding(Finding f) {
        return new SnapshotFinding(f.code().name(), f.severity().name(), f.message(),
                f.paths().stream().map(Object::toString).toList(), f.operations());
    }
}
