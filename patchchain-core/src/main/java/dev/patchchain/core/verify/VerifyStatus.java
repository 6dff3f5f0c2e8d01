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
    /**
     * Current by version, but carries no signature and the image has no catalogs to list it (only with signatures
     * required, {@link SignaturePolicy}).
     */
    UNSIGNED,
    /** Current by version, but carries no inline signature and no catalog of the image lists its hash. */
    NOT_IN_CATALOG,
    /** Current by version, but its signature (inline, or the catalog's that lists it) does not validate. */
    SIGNATURE_INVALID,
    /** The file is absent now and after the next boot. */
    MISSING,
    /** Current now, but the pending queue replaces it with an older version or deletes it at the next boot. */
    REGRESSES_AFTER_REBOOT,
    /** An older version is on disk now and still is after the next boot. */
    REGRESSED;

    /** @return true for the two statuses of a file that regressed or will regress (exit 1) */
    public boolean isRegression() {
        return this == REGRESSED || this == REGRESSES_AFTER_REBOOT;
    }

    /** @return true for the three statuses of a file whose signature does not validate (also exit 1) */
    public boolean isSignatureFailure() {
        return this == UNSIGNED || this == NOT_IN_CATALOG || this == SIGNATURE_INVALID;
    }
}
