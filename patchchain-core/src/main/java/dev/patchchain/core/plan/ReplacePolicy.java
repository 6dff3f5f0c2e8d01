package dev.patchchain.core.plan;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.PathState;
import java.util.List;

/**
 * How an installer decides whether its file replaces the one it finds: by looking at the disk only, or at the disk
 * and the pending queue. An installer that looks at the disk only cannot see a newer version another installer has
 * already queued, and queues its older one after it: the downgrade the queue chainer exists for.
 *
 * <pre>{@code
 * ReplacePolicy.DISK_ONLY.replaces(v("0.2"), file("0.1"), List.of(v("0.3")));      // true: 0.2 > 0.1
 * ReplacePolicy.DISK_AND_QUEUE.replaces(v("0.2"), file("0.1"), List.of(v("0.3"))); // false: 0.3 is queued
 * }</pre>
 */
public enum ReplacePolicy {
    /** Replaces when the file on disk is absent, unversioned, unknown or older. */
    DISK_ONLY,
    /** Replaces when its version is newer than the file on disk and than every version queued for the target. */
    DISK_AND_QUEUE;

    /**
     * @param offered the package's version
     * @param onDisk  what is at the target now ({@link PathState.Unknown} counts as older: the installer sees a
     *                disk we do not, and we assume it finds an older file)
     * @param queued  the versions already queued for the target, in queue order
     * @return true if the installer installs its file
     */
    public boolean replaces(FileVersion offered, PathState onDisk, List<FileVersion> queued) {
        if (onDisk instanceof PathState.File f && f.facts().version().isPresent()
                && !f.facts().version().get().isOlderThan(offered)) {
            return false;
        }
        if (this == DISK_AND_QUEUE) {
            for (FileVersion q : queued) {
                if (!q.isOlderThan(offered)) {
                    return false;
                }
            }
        }
        return true;
    }
}
