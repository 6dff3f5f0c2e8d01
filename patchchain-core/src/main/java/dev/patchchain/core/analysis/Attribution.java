package dev.patchchain.core.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who most likely queued an entry: the classes {@link AttributionRules} sort queue paths into. The rules that map
 * a path to a class are data ({@code attribution-rules.tsv} in the formats module), not code; what a class
 * <em>means</em> (its label, whether its entries are housekeeping rather than an update) is here.
 *
 * <pre>{@code
 * Attribution.parse("antivirus");           // Optional[ANTIVIRUS]
 * Attribution.ANTIVIRUS.housekeeping();     // true: an updater's own files, no update of Windows
 * }</pre>
 */
public enum Attribution {
    /** Windows Installer: rollback scripts and files under {@code \Config.Msi\}. */
    WINDOWS_INSTALLER("Windows Installer", true),
    /** Component servicing (TrustedInstaller): WinSxS temp, servicing stack, Windows Update downloads. */
    SERVICING("component servicing / Windows Update", false),
    /** Device drivers: the drivers directory, the driver store, SetupAPI's {@code SETxxxx.tmp} staging files. */
    DRIVER("driver installation", false),
    /** Anti-virus and endpoint protection products updating their own files. */
    ANTIVIRUS("anti-virus / endpoint protection", true),
    /** Browsers and their updaters. */
    BROWSER("browser / browser updater", true),
    /** A setup program's temporary files (NSIS, Inno Setup, InstallShield, ...). */
    INSTALLER_TEMP("installer temporary files", true),
    /** None of the above. */
    UNKNOWN("unknown", false);

    private final String label;
    private final boolean housekeeping;

    Attribution(String label, boolean housekeeping) {
        this.label = label;
        this.housekeeping = housekeeping;
    }

    /** @return a short human label, e.g. {@code "Windows Installer"} */
    public String label() {
        return label;
    }

    /**
     * @return true if entries of this class are a product's housekeeping (rollback files, an updater's own files,
     *         temporary files) rather than an update of Windows or a driver that needs the reboot
     */
    public boolean housekeeping() {
        return housekeeping;
    }

    /** @return the name used in rule files and on the command line, e.g. {@code windows-installer} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id a class name as {@link #id()} writes it (case-insensitive; {@code _} accepted for {@code -})
     * @return the class, or empty if there is none of that name
     */
    public static Optional<Attribution> parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(a -> a.id().equals(wanted)).findFirst();
    }
}
