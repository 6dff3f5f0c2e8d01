package dev.patchchain.core.chain;

import dev.patchchain.core.analysis.TargetGroup;
import dev.patchchain.core.analysis.TargetGroups;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.boot.OutcomeStatus;
import dev.patchchain.core.queue.Origin;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QChain: rewrites a queue so that, for every settled target, the newest version wins.
 *
 * <p>For each target written by renames (see {@link TargetGroup}), the winner is the staged file with the highest
 * fixed version (a tie goes to the later rename, as Windows would let it win); if the file on disk now is newer than
 * every staged one, nothing replaces it. Every other rename to that target becomes a delete of its staged file, so
 * no temp file is left behind; the winner gets a {@code !} if the target exists at its turn. Entries for other
 * targets keep their position and exact strings, the result is never longer than the input, and chaining a chained
 * queue changes nothing. Targets whose versions are not all known, or that other entries also touch, are left alone
 * and listed with the reason.
 *
 * <pre>{@code
 * ChainResult r = new Chainer(BootRules.WINDOWS).chain(queue, volume);
 * r.changes();   // op #1: rename b.tmp -> foo.dll becomes delete b.tmp (superseded by op #0, 0.3 > 0.2)
 * r.chained();   // the queue to write back
 * }</pre>
 */
public final class Chainer {

    private final BootRules rules;

    /** @param rules which boot-time implementation the chained queue must be correct for */
    public Chainer(BootRules rules) {
        this.rules = rules;
    }

    /**
     * @param queue  the queue to chain
     * @param volume the volume now (the chainer needs versions; without them every target is skipped)
     * @return the chained queue and the diff
     */
    public ChainResult chain(PendingQueue queue, VolumeState volume) {
        return chain(queue, volume, new BootSimulator(rules).run(queue, volume));
    }

    /**
     * Chains with a simulation already run (by {@link dev.patchchain.core.analysis.QueueAnalysis}, say), so the
     * queue is not simulated twice.
     *
     * @param queue  the queue to chain
     * @param volume the volume now
     * @param boot   the simulated boot of {@code queue} from {@code volume} under this chainer's rules
     * @return the chained queue and the diff
     */
    public ChainResult chain(PendingQueue queue, VolumeState volume, BootResult boot) {
        if (boot.rules() != rules || boot.outcomes().size() != queue.operations().size()) {
            throw new IllegalArgumentException("the boot given was not simulated from this queue under " + rules);
        }
        List<PendingOperation> operations = new ArrayList<>(queue.operations());
        List<ChainChange> changes = new ArrayList<>();
        List<TargetGroup> chained = new ArrayList<>();
        List<ChainResult.SkippedTarget> skipped = new ArrayList<>();
        for (TargetGroup group : TargetGroups.of(queue.operations())) {
            String problem = group.settled() ? chainTarget(group, boot, volume, operations, changes) : group.unsettledReason();
            if (problem.isEmpty()) {
                chained.add(group);
            } else if (group.renames().size() > 1 || !group.settled()) {
                skipped.add(new ChainResult.SkippedTarget(group, problem));
            }
        }
        changes.sort((a, b) -> Integer.compare(a.index(), b.index()));
        PendingQueue result = changes.isEmpty() ? queue : queue.withOperations(operations);
        return new ChainResult(queue, result, changes, chained, skipped);
    }

    /** Rewrites the renames of one settled target in {@code operations}; returns why not, or "" when done. */
    private String chainTarget(TargetGroup group, BootResult boot, VolumeState volume,
                               List<PendingOperation> operations, List<ChainChange> changes) {
        PathState onDisk = volume.stat(group.target());
        if (onDisk instanceof PathState.Unknown) {
            return "the volume is unknown (no image)";
        }
        if (onDisk instanceof PathState.Directory) {
            return "the target is a directory";
        }
        Optional<FileVersion> diskVersion = Optional.empty();
        if (onDisk instanceof PathState.File file) {
            if (file.facts().version().isEmpty()) {
                return "the file on disk has no version (" + file.facts().versionNote() + ")";
            }
            diskVersion = file.facts().version();
        }
        List<OperationOutcome> viable = new ArrayList<>();
        for (int index : group.renames()) {
            OperationOutcome outcome = boot.outcomes().get(index);
            OutcomeStatus status = outcome.status();
            if (status == OutcomeStatus.SOURCE_MISSING || status == OutcomeStatus.NOT_PROCESSED) {
                continue;
            }
            if (status != OutcomeStatus.APPLIED && status != OutcomeStatus.TARGET_EXISTS) {
                return "op #" + index + " cannot apply (" + status + ": " + outcome.detail() + ")";
            }
            if (outcome.moved().flatMap(FileFacts::version).isEmpty()) {
                return "the staged file of op #" + index + " has no known version";
            }
            viable.add(outcome);
        }
        if (viable.isEmpty()) {
            return "";
        }
        OperationOutcome winner = null;
        for (OperationOutcome candidate : viable) {
            if (winner == null || version(candidate).compareTo(version(winner)) >= 0) {
                winner = candidate;
            }
        }
        if (diskVersion.isPresent() && diskVersion.get().compareTo(version(winner)) > 0) {
            winner = null;
        }
        for (OperationOutcome candidate : viable) {
            if (candidate != winner) {
                supersede(candidate, winner, diskVersion, operations, changes);
            } else if (onDisk.exists() && !((PendingOperation.Rename) candidate.operation()).replaceExisting()) {
                addReplaceMarker(candidate, operations, changes);
            }
        }
        return "";
    }

    private static void supersede(OperationOutcome loser, OperationOutcome winner, Optional<FileVersion> diskVersion,
                                  List<PendingOperation> operations, List<ChainChange> changes) {
        PendingOperation.Rename rename = (PendingOperation.Rename) loser.operation();
        PendingOperation.Delete delete = new PendingOperation.Delete(new Origin(rename.origin().value(), -1),
                rename.rawSource(), rename.sourceMarker(), rename.source());
        String by = winner == null
                ? "the file on disk now (" + diskVersion.orElseThrow() + ")"
                : "op #" + winner.index() + " (" + version(winner) + ")";
        operations.set(loser.index(), delete);
        changes.add(new ChainChange(loser.index(), rename, delete,
                "superseded by " + by + ": " + version(loser) + " is not newer; its staged file is deleted instead"));
    }

    private static void addReplaceMarker(OperationOutcome winner, List<PendingOperation> operations, List<ChainChange> changes) {
        PendingOperation.Rename rename = (PendingOperation.Rename) winner.operation();
        PendingOperation.Rename replacing = new PendingOperation.Rename(new Origin(rename.origin().value(), -1),
                rename.rawSource(), "!" + rename.rawTarget(), rename.sourceMarker(), rename.source(), "!", rename.target());
        operations.set(winner.index(), replacing);
        changes.add(new ChainChange(winner.index(), rename, replacing,
                "newest (" + version(winner) + "): replace marker '!' added because " + rename.target() + " exists at its turn"));
    }

    private static FileVersion version(OperationOutcome outcome) {
        return outcome.moved().flatMap(FileFacts::version).orElseThrow();
    }
}
