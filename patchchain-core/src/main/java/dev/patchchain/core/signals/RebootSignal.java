package dev.patchchain.core.signals;

import java.util.Objects;

/**
 * One reason a reboot is pending: which indicator, where it was read, what was found there.
 *
 * <pre>{@code
 * new RebootSignal(SignalCode.DOMAIN_JOIN, "SYSTEM\\ControlSet001\\Services\\Netlogon",
 *         "JoinDomain is present", SignalKind.CONFIGURATION);
 * }</pre>
 *
 * @param code     the indicator
 * @param source   the key (and value) read, with the hive and the actual control set
 * @param evidence what was found, e.g. {@code "UpdateExeVolatile = 0x1"}
 * @param kind     what the reboot is for
 */
public record RebootSignal(SignalCode code, String source, String evidence, SignalKind kind) {

    /** Checks the components. */
    public RebootSignal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(kind, "kind");
    }
}
