package dev.patchchain.core.verify;

/**
 * How an expected file, or an update as a whole, stands against the disk now and after the next boot. Listed from
 * the best to the worst; an update takes the worst status of its files (except {@link #SUPERSEDED}).
 */
public enum VerifyStatus {
    /** The expected version (or newer) is on disk now and stays after the next boot. */
    CURRENT,
    /** Not current now, but the pending queue puts the expected version (or newer) in place at the next boot. */
    CURRENT_AFTER_REBOOT,
    /** A later installed update replaces this one, so its files may legitimately differ. */
    SUPERSEDED,
    /** Nothing can be said: no image, no version in the catalog or on disk, or the update is not catalogued. */
    UNVERIFIABLE,
    /** The file is absent now and after the next boot. */
    MISSING,
    /** Current now, but the pending queue replaces it with an older version or deletes it at the next boot. */
    REGRESSES_AFTER_REBOOT,
    /** An older version is on disk now and still is after the next boot. */
    REGRESSED;

    /** @return true for the two statuses that make {@code patchchain verify} exit 1 */
    public boolean isRegression() {
        return this == REGRESSED || this == REGRESSES_AFTER_REBOOT;
    }
}
