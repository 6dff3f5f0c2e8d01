package dev.patchchain.core.analysis;

import java.util.List;

/**
 * Where a staged file should not come from, and which targets are system files, for the trust findings of
 * {@link QueueAnalysis} ({@link FindingCode#SUSPICIOUS_SOURCE}, {@link FindingCode#UNSIGNED_REPLACEMENT}). The
 * rules are data: callers may pass their own.
 *
 * <pre>{@code
 * QueueAnalysis.analyze(queue, volume, BootRules.WINDOWS, TrustRules.DEFAULT);
 * }</pre>
 *
 * @param userWritable folders any user can write to: a file staged there can be swapped before the reboot
 * @param system       folders of system files, which such a file must not replace
 */
public record TrustRules(List<LocationPattern> userWritable, List<LocationPattern> system) {

    /** The folders of a default Windows installation; docs/trust.md explains each. */
    public static final TrustRules DEFAULT = new TrustRules(
            List.of(new LocationPattern("Users\\Public", "shared by every user, writable by all"),
                    new LocationPattern("Users\\*\\AppData\\Local\\Temp", "a user profile's Temp"),
                    new LocationPattern("Users\\*\\Downloads", "a user's Downloads"),
                    new LocationPattern("ProgramData", "writable by every user unless an installer locked it down")),
            List.of(new LocationPattern("Windows", "the Windows directory")));

    /** Copies the lists. */
    public TrustRules {
        userWritable = List.copyOf(userWritable);
        system = List.copyOf(system);
    }
}
