package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.PathState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the machine already has pending for one target file: the entries of the session manager's queue and of
 * servicing's {@code pending.xml} that name it (or name a path such an entry names), and the state on disk of
 * every path they name. They run at the next boot, the queue's before the packages' renames (which installers
 * append), servicing's after.
 *
 * @param queue     entries of {@code PendingFileRenameOperations(2)}, in boot order
 * @param servicing file operations of {@code pending.xml}, in document order
 * @param paths     the disk state of every path these entries name
 */
record PendingEntries(List<PendingOperation> queue, List<PendingOperation> servicing, Map<WinPath, PathState> paths) {

    static final PendingEntries NONE = new PendingEntries(List.of(), List.of(), Map.of());

    PendingEntries {
        queue = List.copyOf(queue);
        servicing = List.copyOf(servicing);
        paths = Map.copyOf(paths);
    }

    boolean isEmpty() {
        return queue.isEmpty() && servicing.isEmpty();
    }

    /**
     * @param entries the queue's or servicing's entries
     * @param target  the target file
     * @return the versions of the files they rename onto the target (files without a known version left out)
     */
    List<FileVersion> versionsOnto(List<PendingOperation> entries, WinPath target) {
        List<FileVersion> out = new ArrayList<>();
        for (PendingOperation op : entries) {
            if (op instanceof PendingOperation.Rename r && r.target().equals(target)) {
                FileVersion v = FileCell.version(paths.getOrDefault(r.source(), PathState.UNKNOWN));
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * @param entries the queue's or servicing's entries
     * @param target  the target file
     * @return each entry as a person reads it: {@code 6.1.0.4 (PendingFileRenameOperations[0])},
     *         {@code delete (WinSxS\pending.xml[2])}, {@code rename to C:\x.old (...)}
     */
    List<String> describe(List<PendingOperation> entries, WinPath target) {
        List<String> out = new ArrayList<>();
        for (PendingOperation op : entries) {
            String what;
            if (op instanceof PendingOperation.Rename r && r.target().equals(target)) {
                what = FileCell.show(paths.getOrDefault(r.source(), PathState.UNKNOWN));
            } else if (op instanceof PendingOperation.Rename r) {
                what = "renames " + r.source().fileName() + " to " + r.target();
            } else if (op instanceof PendingOperation.Delete d) {
                what = "deletes " + d.source().fileName();
            } else {
                what = "an entry not understood";
            }
            out.add(what + " (" + op.origin() + ")");
        }
        return out;
    }
}
