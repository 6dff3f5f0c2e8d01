package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing {@link QueueAnalysis} found, with the paths and the operations (0-based boot-order indices) involved
 * and the evidence behind it.
 *
 * @param code       what kind of finding
 * @param severity   how much it matters
 * @param message    one sentence for a report
 * @param paths      the paths involved, most important first
 * @param operations the indices of the operations involved, in boot order
 * @param evidence   named facts behind the finding, e.g. {@code final=0.2.0.0}, {@code newest=0.3.0.0}
 */
public record Finding(FindingCode code, Severity severity, String message, List<WinPath> paths,
                      List<Integer> operations, Map<String, String> evidence) {

    /** Copies the collections and checks the components. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        paths = List.copyOf(paths);
        operations = List.copyOf(operations);
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
