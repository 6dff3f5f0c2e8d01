package dev.patchchain.core.plan;

import java.util.Optional;

/**
 * The installer engines the planner models. Each engine installs a package as a small state machine per file,
 * {@code IDLE --check--> DECIDED(replace | keep) --apply--> DONE}: the check reads the target (and, depending on
 * the {@link ReplacePolicy}, the queue); the apply either writes the file (not in use) or stages it next to the
 * target and appends a replacing rename to {@code PendingFileRenameOperations} (in use). Registry writes are
 * separate steps (see {@link WriteMode}).
 *
 * <p>Engines differ in three ways: their default policy, whether they hold a machine-wide lock for the whole
 * install (two packages of such an engine never interleave), and whether every file goes through the boot even when
 * it is not in use.
 */
public enum InstallerEngine {
    /**
     * Windows Installer (msiexec): one install at a time machine-wide (the {@code _MSIExecute} mutex; a second
     * install fails with error 1618 until the first ends); its file versioning rules compare with the file on disk;
     * a file in use is staged under {@code Config.Msi} and queued for the reboot.
     */
    WINDOWS_INSTALLER("Windows Installer", ReplacePolicy.DISK_ONLY, "_MSIExecute", false),
    /**
     * Component servicing (TrustedInstaller, CBS): serialized machine-wide; every file is staged and applied at
     * boot ({@code pending.xml}), and the newest component wins, so it compares with the disk and what is pending.
     * The model puts its pending files in the same boot list as the rename queue.
     */
    COMPONENT_SERVICING("component servicing", ReplacePolicy.DISK_AND_QUEUE, "TrustedInstaller", true),
    /** The {@code update.exe} hotfix installer: it has read the queue since 2001, so a newer queued file wins. */
    HOTFIX_INSTALLER("update.exe hotfix installer", ReplacePolicy.DISK_AND_QUEUE, null, false),
    /** A naive installer (many vendor EXEs, scripts): compares with the disk only: the seed's failure. */
    NAIVE("naive installer", ReplacePolicy.DISK_ONLY, null, false);

    private final String displayName;
    private final ReplacePolicy defaultPolicy;
    private final String lock;
    private final boolean alwaysAtBoot;

    InstallerEngine(String displayName, ReplacePolicy defaultPolicy, String lock, boolean alwaysAtBoot) {
        this.displayName = displayName;
        this.defaultPolicy = defaultPolicy;
        this.lock = lock;
        this.alwaysAtBoot = alwaysAtBoot;
    }

    /** @return how the engine is named in traces, e.g. {@code naive installer} */
    public String displayName() {
        return displayName;
    }

    /** @return the policy used when a package does not name one */
    public ReplacePolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** @return the machine-wide lock held for a whole install, if the engine has one */
    public Optional<String> lock() {
        return Optional.ofNullable(lock);
    }

    /** @return true if every file is applied at boot, even one that is not in use */
    public boolean alwaysAtBoot() {
        return alwaysAtBoot;
    }
}
