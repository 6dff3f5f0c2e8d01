package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who most likely queued an entry, judged from its path: the same conventions an admin reads off a queue
 * ({@code C:\Config.Msi\*.rbf} is Windows Installer rollback, {@code WinSxS\Temp} is component servicing, ...).
 * The first matching rule wins; the rules are listed in docs/semantics.md.
 */
public enum Attribution {
    /** Windows Installer: rollback scripts and files under {@code \Config.Msi\}. */
    WINDOWS_INSTALLER("Windows Installer", "^[A-Z]:\\\\CONFIG\\.MSI\\\\"),
    /** Component servicing (TrustedInstaller): WinSxS temp, servicing stack, Windows Update downloads. */
    SERVICING("component servicing / Windows Update",
            "\\\\WINSXS\\\\TEMP\\\\", "\\\\WINSXS\\\\", "\\\\SERVICING\\\\", "\\\\SOFTWAREDISTRIBUTION\\\\"),
    /** Device drivers: the drivers directory, the driver store, SetupAPI's {@code SETxxxx.tmp} staging files. */
    DRIVER("driver installation",
            "\\\\SYSTEM32\\\\DRIVERS\\\\", "\\\\DRIVERSTORE\\\\", "\\\\SYSTEM32\\\\(?:.*\\\\)?SET[0-9A-F]{1,4}\\.TMP$"),
    /** Anti-virus and endpoint protection products updating their own files. */
    ANTIVIRUS("anti-virus / endpoint protection",
            "\\\\WINDOWS DEFENDER\\\\", "\\\\MICROSOFT SECURITY CLIENT\\\\", "\\\\SYMANTEC", "\\\\NORTON",
            "\\\\MCAFEE", "\\\\KASPERSKY", "\\\\ESET\\\\", "\\\\AVAST", "\\\\AVG\\\\", "\\\\SOPHOS",
            "\\\\TREND MICRO\\\\", "\\\\BITDEFENDER", "\\\\MALWAREBYTES", "\\\\CROWDSTRIKE", "\\\\SENTINELONE"),
    /** Browsers and their updaters. */
    BROWSER("browser / browser updater",
            "\\\\GOOGLE\\\\UPDATE\\\\", "\\\\GOOGLE\\\\CHROME\\\\", "\\\\GOOGLETOOLBARNOTIFIER\\\\", "\\\\MOZILLA",
            "\\\\MICROSOFT\\\\EDGE", "\\\\MICROSOFT\\\\EDGEUPDATE\\\\", "\\\\OPERA", "\\\\BRAVESOFTWARE\\\\"),
    /** A setup program's temporary files (NSIS, Inno Setup, InstallShield, ...). */
    INSTALLER_TEMP("installer temporary files",
            "\\\\APPDATA\\\\LOCAL\\\\TEMP\\\\", "\\\\LOCAL SETTINGS\\\\TEMP\\\\", "^[A-Z]:\\\\WINDOWS\\\\TEMP\\\\",
            "\\\\NS[A-Z0-9]{2,5}\\.TMP(?:\\\\|$)", "\\\\IS-[A-Z0-9]{5}\\.TMP\\\\"),
    /** None of the above. */
    UNKNOWN("unknown");

    private final String label;
    private final List<Pattern> patterns;

    Attribution(String label, String... regexes) {
        this.label = label;
        this.patterns = java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /** @return a short human label, e.g. {@code "Windows Installer"} */
    public String label() {
        return label;
    }

    /**
     * @param path a queued path (source or target)
     * @return the first category whose rule matches the canonical path, or {@link #UNKNOWN}
     */
    public static Attribution of(WinPath path) {
        if (path == null) {
            return UNKNOWN;
        }
        String canonical = path.canonical();
        for (Attribution a : values()) {
            for (Pattern p : a.patterns) {
                if (p.matcher(canonical).find()) {
                    return a;
                }
            }
        }
        return UNKNOWN;
    }
}
