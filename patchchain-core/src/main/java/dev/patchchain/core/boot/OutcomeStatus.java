package dev.patchchain.core.boot;

/**
 * What the boot-time processor does with one operation, with the NTSTATUS that Windows logs to
 * {@code PFRO.log} when it fails.
 */
public enum OutcomeStatus {
    /** The rename or delete took place. */
    APPLIED(0),
    /** Rename without {@code !}: the target exists (STATUS_OBJECT_NAME_COLLISION). */
    TARGET_EXISTS(0xC0000035L),
    /** The source is not there (STATUS_OBJECT_NAME_NOT_FOUND). */
    SOURCE_MISSING(0xC0000034L),
    /** A directory on the way to the source or the target is missing (STATUS_OBJECT_PATH_NOT_FOUND). */
    PATH_NOT_FOUND(0xC000003AL),
    /** Delete of a directory that still holds something (STATUS_DIRECTORY_NOT_EMPTY). */
    DIRECTORY_NOT_EMPTY(0xC0000101L),
    /** Replace of a directory, or rename of a directory into itself (STATUS_ACCESS_DENIED). */
    ACCESS_DENIED(0xC0000022L),
    /** Source and target are on different volumes (STATUS_NOT_SAME_DEVICE). */
    NOT_SAME_DEVICE(0xC00000D4L),
    /** The path is not an NT path the session manager can open, e.g. {@code C:\x} without {@code \??\} (STATUS_OBJECT_PATH_SYNTAX_BAD). */
    BAD_PATH_SYNTAX(0xC000003BL),
    /** The entry is not processed at all: not understood, or after the end of the list. */
    NOT_PROCESSED(0);

    private final long ntStatus;

    OutcomeStatus(long ntStatus) {
        this.ntStatus = ntStatus;
    }

    /** @return the NTSTATUS Windows reports for this outcome ({@code 0} for success or none) */
    public long ntStatus() {
        return ntStatus;
    }

    /** @return true for {@link #APPLIED} */
    public boolean applied() {
        return this == APPLIED;
    }
}
