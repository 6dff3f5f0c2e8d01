package dev.patchchain.core.analysis;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.boot.OutcomeStatus;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueNote;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what will go wrong when a queue runs at boot: downgrades, lost updates, missing sources, refused renames,
 * leftovers, cycles, entries nobody can parse and untrustworthy replacements (see {@link FindingCode}, {@link
 * TrustRules}). It simulates the boot once and reads every finding off the outcomes and the volume before and after.
 *
 * <pre>{@code
 * AnalysisResult result = QueueAnalysis.analyze(queue, volume, BootRules.WINDOWS);
 * result.findings(FindingCode.DOWNGRADE);   // e.g. foo.dll will be 0.2 although 0.3 is queued (op #0)
 * }</pre>
 */
public final class QueueAnalysis {

    private final PendingQueue queue;
    private final VolumeState before;
    private final BootResult boot;
    private final List<Finding> findings = new ArrayList<>();

    private final TrustRules trust;

    private QueueAnalysis(PendingQueue queue, VolumeState before, BootRules rules, TrustRules trust) {
        this.queue = queue;
        this.before = before;
        this.boot = new BootSimulator(rules).run(queue, before);
        this.trust = trust;
    }

    /**
     * @param queue  the queue
     * @param before the volume now ({@link VolumeState#UNKNOWN} without an image)
     * @param rules  which boot-time implementation to imitate
     * @return the findings and the simulated boot
     */
    public static AnalysisResult analyze(PendingQueue queue, VolumeState before, BootRules rules) {
        return analyze(queue, before, rules, TrustRules.DEFAULT);
    }

    /**
     * @param queue  the queue
     * @param before the volume now ({@link VolumeState#UNKNOWN} without an image); signer findings need its files'
     *               {@link dev.patchchain.core.volume.SignerFacts}
     * @param rules  which boot-time implementation to imitate
     * @param trust  user-writable and system folders for the trust findings
     * @return the findings and the simulated boot
     */
    public static AnalysisResult analyze(PendingQueue queue, VolumeState before, BootRules rules, TrustRules trust) {
        QueueAnalysis analysis = new QueueAnalysis(queue, before, rules, trust);
        List<TargetGroup> targets = TargetGroups.of(queue.operations());
        analysis.run(targets);
        List<Finding> sorted = new ArrayList<>(analysis.findings);
        sorted.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> f.operations().isEmpty() ? Integer.MAX_VALUE : f.operations().get(0)));
        return new AnalysisResult(queue, analysis.boot, targets, sorted);
    }

    private void run(List<TargetGroup> targets) {
        if (!before.isKnown()) {
            add(FindingCode.VERSIONS_UNKNOWN, Severity.INFO,
                    "no image was given: file versions and existence are unknown, so downgrades cannot be detected;"
                            + " outcomes assume every staged source exists and every target is absent",
                    List.of(), List.of(), Map.of());
        }
        for (QueueNote note : queue.notes()) {
            if (note.kind() != QueueNote.Kind.UNREACHABLE_STRINGS) {
                add(FindingCode.LAYOUT, note.kind() == QueueNote.Kind.TRAILING_EMPTY_STRINGS ? Severity.INFO : Severity.LOW,
                        note.value().registryName() + ": " + note.message(), List.of(), List.of(),
                        Map.of("value", note.value().registryName(), "string", Integer.toString(note.stringIndex())));
            }
        }
        Map<Integer, Integer> overwrittenBy = new HashMap<>();
        for (TargetGroup group : targets) {
            if (group.settled()) {
                checkTarget(group, overwrittenBy);
            }
        }
        for (OperationOutcome outcome : boot.outcomes()) {
            checkOperation(outcome, overwrittenBy);
        }
        checkCycles();
        findings.addAll(TrustChecks.of(boot.outcomes(), trust));
    }

    private void checkTarget(TargetGroup group, Map<Integer, Integer> overwrittenBy) {
        WinPath target = group.target();
        Optional<FileVersion> newest = Optional.empty();
        String newestFrom = "";
        PathState initial = before.stat(target);
        if (initial instanceof PathState.File f && f.facts().version().isPresent()) {
            newest = f.facts().version();
            newestFrom = "on disk now";
        }
        int lastApplied = -1;
        for (int index : group.renames()) {
            OperationOutcome outcome = boot.outcomes().get(index);
            Optional<FileVersion> queued = outcome.moved().flatMap(FileFacts::version);
            if (queued.isPresent() && (newest.isEmpty() || queued.get().compareTo(newest.get()) >= 0)) {
                newest = queued;
                newestFrom = "queued by op #" + index;
            }
            if (outcome.status().applied()) {
                if (lastApplied >= 0) {
                    overwrittenBy.put(lastApplied, index);
                }
                lastApplied = index;
            }
        }
        PathState after = boot.after().stat(target);
        if (newest.isEmpty() || !(after instanceof PathState.File f) || f.facts().version().isEmpty()) {
            return;
        }
        FileVersion result = f.facts().version().get();
        if (result.isOlderThan(newest.get())) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("after_boot", result.toString());
            evidence.put("newest", newest.get().toString());
            evidence.put("newest_from", newestFrom);
            evidence.put("final_from", lastApplied >= 0 ? "op #" + lastApplied : "on disk now");
            add(FindingCode.DOWNGRADE, Severity.HIGH,
                    target + " will be " + result + " after the reboot although " + newest.get() + " is " + newestFrom,
                    List.of(target), group.renames(), evidence);
        }
    }

    private void checkOperation(OperationOutcome outcome, Map<Integer, Integer> overwrittenBy) {
        PendingOperation op = outcome.operation();
        int index = outcome.index();
        if (op instanceof PendingOperation.Unparseable u) {
            add(FindingCode.UNPARSEABLE, Severity.MEDIUM, "entry #" + index + " (" + u.origin() + ") is not understood: "
                    + u.reason() + "; it is kept verbatim", List.of(), List.of(index), Map.of("strings", String.join(" | ", u.rawStrings())));
            return;
        }
        String marker = op instanceof PendingOperation.Rename r ? r.sourceMarker() : ((PendingOperation.Delete) op).sourceMarker();
        if (!marker.isEmpty()) {
            add(FindingCode.SOURCE_MARKER, Severity.INFO, "op #" + index + " source carries the marker \"" + marker
                    + "\"; the session manager strips it (see docs/semantics.md), older tools such as PendMoves 1.3 misread it",
                    List.of(op.sourcePath()), List.of(index), Map.of("marker", marker));
        }
        switch (outcome.status()) {
            case APPLIED -> checkOverwritten(outcome, overwrittenBy);
            case SOURCE_MISSING -> add(FindingCode.MISSING_SOURCE,
                    op instanceof PendingOperation.Delete ? Severity.LOW : Severity.MEDIUM,
                    "op #" + index + ": " + op.sourcePath() + " does not exist at its turn"
                            + (op instanceof PendingOperation.Rename r ? ", so " + r.target() + " is not updated" : " (nothing to delete)"),
                    List.of(op.sourcePath()), List.of(index), Map.of("ntstatus", ntStatus(outcome)));
            case TARGET_EXISTS -> {
                PendingOperation.Rename r = (PendingOperation.Rename) op;
                add(FindingCode.TARGET_EXISTS_NO_REPLACE, Severity.MEDIUM, "op #" + index + ": " + r.target()
                        + " exists and the rename has no '!' (replace) marker, so " + r.source() + " is not installed",
                        List.of(r.target(), r.source()), List.of(index), movedEvidence(outcome));
                checkOrphan(outcome);
            }
            case NOT_PROCESSED -> add(FindingCode.BOOT_FAILURE, Severity.MEDIUM, "op #" + index + " is not processed: "
                    + outcome.detail(), List.of(op.sourcePath()), List.of(index), Map.of());
            default -> {
                boolean delete = op instanceof PendingOperation.Delete;
                add(FindingCode.BOOT_FAILURE, delete ? Severity.LOW : Severity.MEDIUM, "op #" + index + " fails at boot ("
                        + outcome.status() + "): " + outcome.detail(), List.of(op.sourcePath()), List.of(index),
                        Map.of("ntstatus", ntStatus(outcome)));
                checkOrphan(outcome);
            }
        }
    }

    private void checkOverwritten(OperationOutcome outcome, Map<Integer, Integer> overwrittenBy) {
        Integer later = overwrittenBy.get(outcome.index());
        if (later == null) {
            return;
        }
        PendingOperation.Rename op = (PendingOperation.Rename) outcome.operation();
        Optional<FileVersion> mine = outcome.moved().flatMap(FileFacts::version);
        Optional<FileVersion> theirs = boot.outcomes().get(later).moved().flatMap(FileFacts::version);
        Map<String, String> evidence = new LinkedHashMap<>();
        mine.ifPresent(v -> evidence.put("version", v.toString()));
        theirs.ifPresent(v -> evidence.put("overwritten_by_version", v.toString()));
        if (mine.isPresent() && theirs.isPresent() && theirs.get().compareTo(mine.get()) >= 0) {
            add(FindingCode.REDUNDANT, Severity.INFO, "op #" + outcome.index() + " is superseded by op #" + later
                    + " (" + theirs.get() + " >= " + mine.get() + ") for " + op.target(), List.of(op.target()),
                    List.of(outcome.index(), later), evidence);
            return;
        }
        boolean newerLost = mine.isPresent() && theirs.isPresent();
        add(FindingCode.LOST_UPDATE, newerLost ? Severity.HIGH : Severity.MEDIUM, "op #" + outcome.index() + " installs "
                + op.target() + (mine.map(v -> " " + v).orElse("")) + " but op #" + later + " overwrites it"
                + (newerLost ? " with the older " + theirs.get() : " (versions unknown: cannot tell which is newer)"),
                List.of(op.target(), op.source()), List.of(outcome.index(), later), evidence);
    }

    private void checkOrphan(OperationOutcome outcome) {
        if (!(outcome.operation() instanceof PendingOperation.Rename r)) {
            return;
        }
        if (boot.after().stat(r.source()).exists()) {
            add(FindingCode.ORPHAN_TEMP, Severity.LOW, "the staged file " + r.source() + " of op #" + outcome.index()
                    + " is left on disk after the reboot", List.of(r.source()), List.of(outcome.index()), Map.of());
        }
    }

    /** A file that is renamed back to a path it already came from. */
    private void checkCycles() {
        Map<WinPath, WinPath> home = new HashMap<>();
        Map<WinPath, List<Integer>> journey = new HashMap<>();
        for (OperationOutcome outcome : boot.outcomes()) {
            if (!(outcome.operation() instanceof PendingOperation.Rename r) || !outcome.status().applied()
                    || r.source().equals(r.target())) {
                continue;
            }
            WinPath origin = home.getOrDefault(r.source(), r.source());
            List<Integer> steps = new ArrayList<>(journey.getOrDefault(r.source(), List.of()));
            steps.add(outcome.index());
            home.remove(r.source());
            journey.remove(r.source());
            if (origin.equals(r.target())) {
                add(FindingCode.CYCLE, Severity.MEDIUM, "ops " + steps + " move " + origin + " away and back again;"
                        + " whatever they replaced on the way is lost", List.of(origin), steps, Map.of());
                continue;
            }
            home.put(r.target(), origin);
            journey.put(r.target(), steps);
        }
    }

    private static Map<String, String> movedEvidence(OperationOutcome outcome) {
        Map<String, String> evidence = new LinkedHashMap<>();
        outcome.moved().flatMap(FileFacts::version).ifPresent(v -> evidence.put("refused_version", v.toString()));
        evidence.put("ntstatus", ntStatus(outcome));
        return evidence;
    }

    private static String ntStatus(OperationOutcome outcome) {
        return String.format("0x%08X", outcome.status().ntStatus());
    }

    private void add(FindingCode code, Severity severity, String message, List<WinPath> paths, List<Integer> ops,
                     Map<String, String> evidence) {
        findings.add(new Finding(code, severity, message, paths, ops, evidence));
    }
}
