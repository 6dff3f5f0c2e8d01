package dev.patchchain.core.boot;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Executes a pending queue against a volume the way the session manager does at boot, without touching the
 * volume: operations run in order, a failure is logged and processing goes on (nothing is retried).
 *
 * <p>Rules (docs/semantics.md has the evidence): a rename fails if its target exists and the destination has no
 * {@code !}; a replace cannot overwrite a directory; a delete removes a file or an empty directory; a missing
 * source fails; source and target must be on the same drive. Where the volume cannot say (no image), sources are
 * assumed present and targets absent, and the outcome says so.
 *
 * <pre>{@code
 * BootResult result = new BootSimulator(BootRules.WINDOWS).run(queue, volume);
 * result.outcomes().get(1).status();   // e.g. APPLIED
 * result.after().stat(target);         // the file that wins
 * }</pre>
 */
public final class BootSimulator {

    private final BootRules rules;

    /** @param rules which implementation to imitate */
    public BootSimulator(BootRules rules) {
        this.rules = rules;
    }

    /**
     * @param queue  the queue, in boot order
     * @param before the volume now; it is not modified
     * @return per-operation outcomes and the volume after boot
     */
    public BootResult run(PendingQueue queue, VolumeState before) {
        SimulatedVolume volume = new SimulatedVolume(before);
        List<OperationOutcome> outcomes = new ArrayList<>(queue.operations().size());
        int index = 0;
        for (PendingOperation op : queue.operations()) {
            outcomes.add(step(index++, op, volume));
        }
        return new BootResult(outcomes, volume, rules);
    }

    private OperationOutcome step(int index, PendingOperation op, SimulatedVolume volume) {
        if (op instanceof PendingOperation.Unparseable u) {
            return outcome(index, op, OutcomeStatus.NOT_PROCESSED, "not understood: " + u.reason());
        }
        if (op.origin().value() == QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2 && !rules.processesSecondValue()) {
            return outcome(index, op, OutcomeStatus.NOT_PROCESSED, rules + " does not read PendingFileRenameOperations2");
        }
        String marker = op instanceof PendingOperation.Rename r ? r.sourceMarker() : ((PendingOperation.Delete) op).sourceMarker();
        if (!marker.isEmpty() && !rules.stripsSourceMarkers()) {
            return outcome(index, op, OutcomeStatus.BAD_PATH_SYNTAX,
                    rules + " does not strip the source marker \"" + marker + "\", so the path cannot be opened");
        }
        if (op instanceof PendingOperation.Rename rename) {
            if (!rules.understandsTargetMarker(rename.targetMarker())) {
                return outcome(index, op, OutcomeStatus.BAD_PATH_SYNTAX, rules + " does not understand the marker \""
                        + rename.targetMarker() + "\" before the target, so the target path cannot be opened");
            }
            return rename(index, rename, volume);
        }
        return delete(index, (PendingOperation.Delete) op, volume);
    }

    private OperationOutcome rename(int index, PendingOperation.Rename op, SimulatedVolume volume) {
        WinPath source = op.source();
        WinPath target = op.target();
        OperationOutcome syntax = checkSyntax(index, op, source, target);
        if (syntax != null) {
            return syntax;
        }
        PathState sourceState = volume.stat(source);
        boolean assumed = false;
        if (sourceState instanceof PathState.Unknown) {
            assumed = true;
            sourceState = PathState.file(FileFacts.UNKNOWN);
        }
        if (!sourceState.exists()) {
            return missing(index, op, source, volume);
        }
        Optional<FileFacts> moved = sourceState instanceof PathState.File f ? Optional.of(f.facts()) : Optional.empty();
        if (source.isUnc() != target.isUnc() || !source.root().equalsIgnoreCase(target.root())) {
            return new OperationOutcome(index, op, OutcomeStatus.NOT_SAME_DEVICE,
                    "source and target are on different volumes", moved, Optional.empty(), assumed);
        }
        if (source.equals(target)) {
            return new OperationOutcome(index, op, OutcomeStatus.APPLIED, "renamed onto itself: no change",
                    moved, Optional.empty(), assumed);
        }
        if (sourceState instanceof PathState.Directory && source.contains(target)) {
            return new OperationOutcome(index, op, OutcomeStatus.ACCESS_DENIED,
                    "a directory cannot be moved into itself", moved, Optional.empty(), assumed);
        }
        PathState parent = volume.stat(target.parent());
        if (!(parent instanceof PathState.Directory) && !(parent instanceof PathState.Unknown)) {
            return new OperationOutcome(index, op, OutcomeStatus.PATH_NOT_FOUND,
                    "the target directory " + target.parent() + " does not exist", moved, Optional.empty(), assumed);
        }
        PathState targetState = volume.stat(target);
        if (targetState instanceof PathState.Unknown) {
            assumed = true;
            targetState = PathState.ABSENT;
        }
        Optional<FileFacts> replaced = Optional.empty();
        if (targetState.exists()) {
            if (!op.replaceExisting()) {
                return new OperationOutcome(index, op, OutcomeStatus.TARGET_EXISTS,
                        "the target exists and the destination has no '!' (replace) marker", moved, Optional.empty(), assumed);
            }
            if (targetState instanceof PathState.Directory) {
                return new OperationOutcome(index, op, OutcomeStatus.ACCESS_DENIED,
                        "the target is a directory, which a rename cannot replace", moved, Optional.empty(), assumed);
            }
            replaced = Optional.of(((PathState.File) targetState).facts());
        }
        volume.move(source, target);
        return new OperationOutcome(index, op, OutcomeStatus.APPLIED,
                replaced.isPresent() ? "renamed, replacing the existing file" : "renamed", moved, replaced, assumed);
    }

    private OperationOutcome delete(int index, PendingOperation.Delete op, SimulatedVolume volume) {
        WinPath source = op.source();
        OperationOutcome syntax = checkSyntax(index, op, source, null);
        if (syntax != null) {
            return syntax;
        }
        PathState state = volume.stat(source);
        if (state instanceof PathState.Unknown) {
            volume.delete(source);
            return new OperationOutcome(index, op, OutcomeStatus.APPLIED, "deleted (assumed present)",
                    Optional.empty(), Optional.empty(), true);
        }
        if (!state.exists()) {
            return missing(index, op, source, volume);
        }
        if (state instanceof PathState.Directory && !volume.list(source).isEmpty()) {
            return outcome(index, op, OutcomeStatus.DIRECTORY_NOT_EMPTY, "the directory is not empty");
        }
        volume.delete(source);
        return outcome(index, op, OutcomeStatus.APPLIED,
                state instanceof PathState.Directory ? "deleted the empty directory" : "deleted");
    }

    private OperationOutcome checkSyntax(int index, PendingOperation op, WinPath source, WinPath target) {
        for (WinPath path : target == null ? List.of(source) : List.of(source, target)) {
            if (!rules.canOpen(path.syntax())) {
                return outcome(index, op, OutcomeStatus.BAD_PATH_SYNTAX,
                        rules + " cannot open a path written as " + path.syntax() + ": \"" + path.raw() + "\"");
            }
        }
        return null;
    }

    private OperationOutcome missing(int index, PendingOperation op, WinPath source, SimulatedVolume volume) {
        WinPath parent = source.parent();
        if (parent != null && !(volume.stat(parent) instanceof PathState.Directory)) {
            return outcome(index, op, OutcomeStatus.PATH_NOT_FOUND, "the source directory " + parent + " does not exist");
        }
        return outcome(index, op, OutcomeStatus.SOURCE_MISSING, "the source does not exist");
    }

    private static OperationOutcome outcome(int index, PendingOperation op, OutcomeStatus status, String detail) {
        return new OperationOutcome(index, op, status, detail, Optional.empty(), Optional.empty(), false);
    }
}
