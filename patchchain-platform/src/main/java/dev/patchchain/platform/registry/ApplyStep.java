package dev.patchchain.platform.registry;

/** The steps of {@link SafeQueueWrite}, in order; {@link ApplyHook} is called before each. */
public enum ApplyStep {
    /** Reading both values and the key's last write time. */
    READ,
    /** Computing the new values (chain, add, remove, undo). */
    EDIT,
    /** Writing the {@code .reg} and JSON backup of the values read. */
    BACKUP,
    /** Compare-and-swap: re-read, refuse if changed, write. */
    WRITE,
    /** Reading the values again and checking they are the new ones. */
    VERIFY,
    /** Appending the change to the audit log. */
    AUDIT
}
