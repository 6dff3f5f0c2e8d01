package dev.patchchain.core.plan;

import java.util.List;

/**
 * Something several packages share, where their installs can interfere: a target file, a registry value, or an
 * engine's machine-wide lock. The verdicts say whether the interference matters; this says where it can happen.
 *
 * <pre>{@code
 * Conflict[subject=C:\Windows\System32\ntdll.dll, packages=[KB1, KB2],
 *          details=[KB1 installs 0.3.0.0 (disk and queue, in use), KB2 installs 0.2.0.0 (disk only, in use)]]
 * }</pre>
 *
 * @param subject  the file, the registry value, or {@code lock <name>}
 * @param packages the package ids, in the given order
 * @param details  per package, what it does there
 */
public record Conflict(String subject, List<String> packages, List<String> details) {

    /** Copies the lists. */
    public Conflict {
        packages = List.copyOf(packages);
        details = List.copyOf(details);
    }
}
