package dev.patchchain.core.analysis;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.queue.PendingQueue;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link QueueAnalysis} learned about a queue: the simulated boot, the target groups, the findings
 * (most severe first).
 *
 * @param queue        the analysed queue
 * @param boot         the simulated boot
 * @param targets      the rename targets, settled or not
 * @param findings     sorted by severity (highest first), then by first operation
 */
public record AnalysisResult(PendingQueue queue, BootResult boot, List<TargetGroup> targets, List<Finding> findings) {

    /** Copies the lists and checks the components. */
    public AnalysisResult {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(boot, "boot");
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    /** @return the highest severity among the findings, if any */
    public Optional<Severity> highestSeverity() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    /** @return true if any finding is {@link Severity#MEDIUM} or worse */
    public boolean hasActionableFindings() {
        return findings.stream().anyMatch(f -> f.severity().isActionable());
    }

    /**
     * @param code a finding code
     * @return the findings with that code
     */
    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }
}
