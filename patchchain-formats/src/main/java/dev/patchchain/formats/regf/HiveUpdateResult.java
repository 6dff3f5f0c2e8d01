package dev.patchchain.formats.regf;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link HiveFileUpdate} did.
 *
 * <pre>{@code
 * HiveUpdateResult r = HiveFileUpdate.apply(system, change, HiveUpdateOptions.DEFAULT);
 * r.written();   // false when nothing changed (deleting an absent value)
 * }</pre>
 *
 * @param backup    the copy of the original, or {@code null} when nothing was written
 * @param edit      the edit applied, with the ranges that changed
 * @param recovered the hive was dirty and was written as recovered from its logs
 * @param movedLogs where the stale logs of a recovered hive were moved, in the order LOG1, LOG2, LOG
 */
public record HiveUpdateResult(Path backup, HiveEdit edit, boolean recovered, List<Path> movedLogs) {

    /** Copies the list. */
    public HiveUpdateResult {
        movedLogs = List.copyOf(movedLogs);
    }

    /** @return true if the hive file was replaced */
    public boolean written() {
        return backup != null;
    }
}
