package dev.patchchain.formats.regf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link HiveFileUpdate} before each step of its safe write sequence; tests throw from it to check that a
 * failure at any step leaves the original hive untouched.
 *
 * <pre>{@code
 * HiveUpdateHook failAtRename = (step, file) -> {
 *     if (step == HiveUpdateHook.Step.RENAME) throw new IOException("injected");
 * };
 * }</pre>
 */
@FunctionalInterface
public interface HiveUpdateHook {

    /** Does nothing. */
    HiveUpdateHook NONE = (step, file) -> { };

    /** The steps, in order. */
    enum Step {
        /** Copying the original to the backup file (the file given). */
        BACKUP,
        /** Writing the new hive to the temporary file. */
        WRITE,
        /** Forcing the temporary file to disk. */
        FSYNC,
        /** Re-reading and checking the temporary file. */
        VERIFY,
        /** Renaming the temporary file over the original. */
        RENAME,
        /** Forcing the directory entry to disk. */
        SYNC_DIRECTORY,
        /** Moving one stale transaction log away (recovered hives only). */
        MOVE_LOG
    }

    /**
     * @param step the step about to run
     * @param file the file it works on
     * @throws IOException to make the step fail
     */
    void before(Step step, Path file) throws IOException;
}
