package dev.patchchain.core.verify;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code CurrentState} of a component-servicing package
 * ({@code SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\<package>}), as Microsoft's
 * "CBS Servicing States Chart" lists them (docs/verify.md, registry sources). The registry shows them in hex.
 *
 * <pre>{@code
 * CbsPackageState.of(0x70);   // Optional[INSTALLED]
 * }</pre>
 */
public enum CbsPackageState {
    /** 0x0: not there. */
    ABSENT(0x0, "absent", false),
    /** 0x5: removal waits for the reboot. */
    UNINSTALL_PENDING(0x5, "uninstall pending", false),
    /** 0x10. */
    RESOLVING(0x10, "resolving", false),
    /** 0x20: manifests registered, no payload. */
    RESOLVED(0x20, "resolved", false),
    /** 0x30. */
    STAGING(0x30, "staging", false),
    /** 0x40: payload in the component store, not installed. */
    STAGED(0x40, "staged", false),
    /** 0x50: was installed, replaced by a later package. */
    SUPERSEDED(0x50, "superseded", true),
    /** 0x60: installation completes at the next boot. */
    INSTALL_PENDING(0x60, "install pending", true),
    /** 0x65: some of the package's updates installed. */
    PARTIALLY_INSTALLED(0x65, "partially installed", true),
    /** 0x70. */
    INSTALLED(0x70, "installed", true),
    /** 0x80: installed and cannot be removed. */
    PERMANENT(0x80, "permanent", true);

    private final int code;
    private final String label;
    private final boolean counts;

    CbsPackageState(int code, String label, boolean counts) {
        this.code = code;
        this.label = label;
        this.counts = counts;
    }

    /** @return the registry value, e.g. {@code 0x70} */
    public int code() {
        return code;
    }

    /** @return a short label with the hex code, e.g. {@code "installed (0x70)"} */
    public String label() {
        return label + " (0x" + Integer.toHexString(code) + ")";
    }

    /**
     * @return true if the package's files are (or, install pending, will be after the boot) on disk, so the update
     *         counts as installed for {@code verify}
     */
    public boolean countsAsInstalled() {
        return counts;
    }

    /**
     * @param code a {@code CurrentState} value
     * @return its state, or empty for a value the chart does not list
     */
    public static Optional<CbsPackageState> of(long code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
