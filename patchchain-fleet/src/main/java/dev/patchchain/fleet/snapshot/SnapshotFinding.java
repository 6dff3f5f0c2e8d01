package dev.patchchain.fleet.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One finding as a snapshot carries it: the analysis' finding reduced to text, so a server needs no Windows paths.
 *
 * @param code       the finding code, e.g. {@code DOWNGRADE}
 * @param severity   {@code HIGH}, {@code MEDIUM}, {@code LOW} or {@code INFO}
 * @param message    one sentence
 * @param paths      the paths involved, most important first (display form)
 * @param operations boot-order indices of the operations involved
 */
public record SnapshotFinding(String code, String severity, String message, List<String> paths,
                              List<Integer> operations) {

    /** Copies the lists and checks the components. */
    public SnapshotFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        paths = List.copyOf(paths);
        operations = List.copyOf(operations);
    }
}
