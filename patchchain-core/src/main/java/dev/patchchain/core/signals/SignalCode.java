package dev.patchchain.core.signals;

import java.util.Locale;

/**
 * Every pending-reboot indicator patchchain reads, with the hive and key it lives in. SYSTEM keys are relative to
 * the current control set ({@code ControlSet00N}, from {@code Select\Current}); SOFTWARE keys to the hive root.
 * docs/signals.md lists them with their sources.
 *
 * <pre>{@code
 * SignalCode.CBS_REBOOT_PENDING.id();     // "cbs-reboot-pending"
 * SignalCode.CBS_REBOOT_PENDING.key();    // "Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending"
 * }</pre>
 */
public enum SignalCode {
    /** The key {@code Component Based Servicing\RebootPending} exists. */
    CBS_REBOOT_PENDING(Hive.SOFTWARE, SignalKind.UPDATE, Keys.CBS + "\\RebootPending",
            "component servicing (CBS) has changes that complete at the reboot"),
    /** The key {@code Component Based Servicing\RebootInProgress} exists. */
    CBS_REBOOT_IN_PROGRESS(Hive.SOFTWARE, SignalKind.UPDATE, Keys.CBS + "\\RebootInProgress",
            "component servicing (CBS) is in the middle of a reboot it started"),
    /** The key {@code Component Based Servicing\PackagesPending} exists. */
    CBS_PACKAGES_PENDING(Hive.SOFTWARE, SignalKind.UPDATE, Keys.CBS + "\\PackagesPending",
            "component servicing (CBS) has packages waiting for the reboot"),
    /** The key {@code WindowsUpdate\Auto Update\RebootRequired} exists. */
    WU_REBOOT_REQUIRED(Hive.SOFTWARE, SignalKind.UPDATE, Keys.AUTO_UPDATE + "\\RebootRequired",
            "Windows Update installed updates that need the reboot"),
    /** The key {@code WindowsUpdate\Auto Update\PostRebootReporting} exists. */
    WU_POST_REBOOT_REPORTING(Hive.SOFTWARE, SignalKind.UPDATE, Keys.AUTO_UPDATE + "\\PostRebootReporting",
            "Windows Update waits for the reboot to report the result of installed updates"),
    /** The key {@code WindowsUpdate\Services\Pending} has subkeys (update service registrations). */
    WU_SERVICES_PENDING(Hive.SOFTWARE, SignalKind.UPDATE, "Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Services\\Pending",
            "Windows Update has service registrations waiting for the reboot"),
    /** {@code Microsoft\Updates\UpdateExeVolatile} is present and not 0. */
    UPDATE_EXE_VOLATILE(Hive.SOFTWARE, SignalKind.UPDATE, "Microsoft\\Updates",
            "a hotfix installer (update.exe) replaced files in use and set UpdateExeVolatile"),
    /** The key {@code ServerManager\CurrentRebootAttempts} exists. */
    SERVER_MANAGER_REBOOT_ATTEMPTS(Hive.SOFTWARE, SignalKind.INSTALLATION, "Microsoft\\ServerManager\\CurrentRebootAttempts",
            "Server Manager is installing or removing roles or features across reboots"),
    /** The key {@code Installer\InProgress} exists. */
    INSTALLER_IN_PROGRESS(Hive.SOFTWARE, SignalKind.INSTALLATION, "Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress",
            "a Windows Installer installation is in progress (or was interrupted)"),
    /** The key {@code SMS\Mobile Client\Reboot Management\RebootData} exists. */
    CONFIGMGR_REBOOT_DATA(Hive.SOFTWARE, SignalKind.INSTALLATION, Keys.CONFIGMGR + "\\Reboot Management\\RebootData",
            "the Configuration Manager (SCCM) client has scheduled a reboot for a deployment"),
    /** The key {@code SMS\Mobile Client\Updates Management\Handler\UpdatesRebootStatus} has subkeys. */
    CONFIGMGR_UPDATES_REBOOT_STATUS(Hive.SOFTWARE, SignalKind.UPDATE,
            Keys.CONFIGMGR + "\\Updates Management\\Handler\\UpdatesRebootStatus",
            "software updates deployed by Configuration Manager (SCCM) wait for the reboot"),
    /** {@code RunOnce\DVDRebootSignal} exists. */
    DVD_REBOOT_SIGNAL(Hive.SOFTWARE, SignalKind.INSTALLATION, "Microsoft\\Windows\\CurrentVersion\\RunOnce",
            "an installer set DVDRebootSignal to continue after the reboot"),
    /** {@code PendingFileRenameOperations} or {@code ...2} holds entries. */
    FILE_RENAME_PENDING(Hive.SYSTEM, SignalKind.UPDATE, Keys.SESSION_MANAGER,
            "files are queued to be replaced, renamed or deleted at the boot (PendingFileRenameOperations)"),
    /** {@code Session Manager\SetupExecute} lists programs. */
    SETUP_EXECUTE(Hive.SYSTEM, SignalKind.UPDATE, Keys.SESSION_MANAGER,
            "native programs are registered to run at the boot (SetupExecute), e.g. servicing's poqexec"),
    /** {@code ComputerName\ActiveComputerName} differs from {@code ComputerName\ComputerName}, or Tcpip's host name from its {@code NV Hostname}. */
    COMPUTER_RENAME(Hive.SYSTEM, SignalKind.CONFIGURATION, "Control\\ComputerName",
            "the computer was renamed and the new name takes effect at the reboot"),
    /** {@code Services\Netlogon} has {@code JoinDomain} or {@code AvoidSpnSet}. */
    DOMAIN_JOIN(Hive.SYSTEM, SignalKind.CONFIGURATION, "Services\\Netlogon",
            "the computer joined or left a domain and the change completes at the reboot");

    private final Hive hive;
    private final SignalKind kind;
    private final String key;
    private final String reason;

    SignalCode(Hive hive, SignalKind kind, String key, String reason) {
        this.hive = hive;
        this.kind = kind;
        this.key = key;
        this.reason = reason;
    }

    /** @return the reason code as printed and in JSON, e.g. {@code cbs-reboot-pending} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the hive the indicator lives in */
    public Hive hive() {
        return hive;
    }

    /** @return what the reboot is for (a queue of only housekeeping entries is {@link SignalKind#HOUSEKEEPING}) */
    public SignalKind kind() {
        return kind;
    }

    /** @return the key, relative to the hive root (SOFTWARE) or to the current control set (SYSTEM) */
    public String key() {
        return key;
    }

    /** @return why it means a reboot is pending, as the sentence after "because" */
    public String reason() {
        return reason;
    }

    /** Key paths shared by several codes. */
    static final class Keys {
        static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing";
        static final String AUTO_UPDATE = "Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update";
        static final String SESSION_MANAGER = "Control\\Session Manager";
        static final String CONFIGMGR = "Microsoft\\SMS\\Mobile Client";

        private Keys() {
        }
    }
}
