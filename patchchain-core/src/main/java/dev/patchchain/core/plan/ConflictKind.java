package dev.patchchain.core.plan;

/** What a {@link Conflict} is about: where packages meet each other, or meet what the machine has pending. */
public enum ConflictKind {
    /** A file or value several packages touch. */
    PACKAGES,
    /** An engine's machine-wide lock several packages take. */
    ENGINE_LOCK,
    /** A file a package touches that {@code PendingFileRenameOperations(2)} already replaces, renames or deletes. */
    PENDING_QUEUE,
    /** A file or value a package touches that servicing's {@code WinSxS\pending.xml} will change at the boot. */
    PENDING_XML,
    /** A {@code RunOnce} value a package sets that already holds commands: they never run. */
    PENDING_RUN_ONCE
}
