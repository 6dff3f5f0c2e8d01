package dev.patchchain.fleet.snapshot;

/** What a snapshot says about its machine, worst first; a report groups machines by it. */
public enum MachineStatus {
    /** The next boot downgrades at least one file. */
    DOWNGRADE,
    /** Another finding of medium or high severity. */
    ATTENTION,
    /** A reboot is pending (a reboot signal, or a non-empty queue), and it is safe. */
    REBOOT_PENDING,
    /** Nothing queued, nothing found. */
    CLEAN
}
