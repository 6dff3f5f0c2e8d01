package dev.patchchain.core.signals;

/** What a pending reboot is for, so that a reader can tell an update waiting from an updater's housekeeping. */
public enum SignalKind {
    /** An update of Windows (servicing, Windows Update, a hotfix installer, queued system files) completes at the reboot. */
    UPDATE,
    /** An installer or a role/feature setup waits for the reboot. */
    INSTALLATION,
    /** A configuration change (computer name, domain membership) takes effect at the reboot. */
    CONFIGURATION,
    /** Only housekeeping is queued: rollback, temporary or an updater's own files (see {@code Attribution}). */
    HOUSEKEEPING
}
