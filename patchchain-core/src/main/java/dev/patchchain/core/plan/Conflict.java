package dev.patchchain.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * Where installs can interfere: a target file, a registry value or an engine's machine-wide lock several packages
 * share, or a file or value a package touches that the machine already has pending (its queue, servicing's
 * {@code pending.xml}, a {@code RunOnce} command). The verdicts say whether the interference matters; this says
 * where it can happen, with the evidence.
 *
 * <pre>{@code
 * Conflict[kind=PACKAGES, subject=C:\Windows\System32\ntdll.dll, packages=[KB1, KB2],
 *          details=[KB1 installs 0.3.0.0 (disk and queue, in use), KB2 installs 0.2.0.0 (disk only, in use)]]
 * Conflict[kind=PENDING_QUEUE, subject=C:\Windows\System32\ntdll.dll, packages=[KB2],
 *          details=[KB2 installs 0.2.0.0 (disk only, in use), already queued: 0.4.0.0 (PendingFileRenameOperations[0]:
 *          \??\C:\Windows\System32\ntdll.new -> !\??\C:\Windows\System32\ntdll.dll)]]
 * }</pre>
 *
 * @param kind     what the conflict is about
 * @param subject  the file, the registry value, or {@code lock <name>}
 * @param packages the package ids, in the given order
 * @param details  per package, what it does there
 */
public record Conflict(ConflictKind kind, String subject, List<String> packages, List<String> details) {

    /** Checks the kind and copies the lists. */
    public Conflict {
        Objects.requireNonNull(kind, "kind");
        packages = List.copyOf(packages);
        details = List.copyOf(details);
    }
}
