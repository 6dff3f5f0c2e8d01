package dev.patchchain.core.analysis;

import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.SignerFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trust findings: a staged file from a user-writable folder that would replace a system file, a replacement
 * signed by someone else than the file it replaces, and an unsigned (or invalidly signed) file replacing a signed
 * system file. The signer findings need {@link SignerFacts} on both files; without them nothing is said.
 */
final class TrustChecks {

    private final TrustRules rules;
    private final List<Finding> findings = new ArrayList<>();

    private TrustChecks(TrustRules rules) {
        this.rules = rules;
    }

    static List<Finding> of(List<OperationOutcome> outcomes, TrustRules rules) {
        TrustChecks checks = new TrustChecks(rules);
        for (OperationOutcome outcome : outcomes) {
            if (outcome.operation() instanceof PendingOperation.Rename rename) {
                checks.source(outcome.index(), rename);
                if (outcome.status().applied() && outcome.moved().isPresent() && outcome.replaced().isPresent()) {
                    checks.signers(outcome.index(), rename, outcome.moved().get(), outcome.replaced().get());
                }
            }
        }
        return checks.findings;
    }

    private void source(int index, PendingOperation.Rename rename) {
        Optional<LocationPattern> from = first(rules.userWritable(), rename.source());
        Optional<LocationPattern> to = first(rules.system(), rename.target());
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("source_rule", from.get().pattern());
        evidence.put("target_rule", to.get().pattern());
        findings.add(new Finding(FindingCode.SUSPICIOUS_SOURCE, Severity.HIGH, "op #" + index + " would put "
                + rename.source() + " (" + from.get().reason() + ") in place of " + rename.target() + " ("
                + to.get().reason() + "): anyone who can write there can swap the file before the reboot",
                List.of(rename.source(), rename.target()), List.of(index), evidence));
    }

    private void signers(int index, PendingOperation.Rename rename, FileFacts moved, FileFacts replaced) {
        if (moved.signer().isEmpty() || replaced.signer().isEmpty()) {
            return;
        }
        SignerFacts now = replaced.signer().get();
        SignerFacts next = moved.signer().get();
        if (!now.valid()) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("replaced_signer", now.subject());
        evidence.put("replacement_signer", next.subject());
        evidence.put("replacement_signature", next.detail());
        if (!next.valid()) {
            if (first(rules.system(), rename.target()).isPresent()) {
                findings.add(new Finding(FindingCode.UNSIGNED_REPLACEMENT, Severity.HIGH, "op #" + index
                        + " replaces " + rename.target() + ", signed by " + now.subject() + ", with "
                        + rename.source() + ", which is " + (next.signed() ? "signed but does not validate ("
                        + next.detail() + ")" : "unsigned"), List.of(rename.target(), rename.source()),
                        List.of(index), evidence));
            }
        } else if (!WinPath.upcase(next.subject()).equals(WinPath.upcase(now.subject()))) {
            findings.add(new Finding(FindingCode.SIGNER_CHANGED, Severity.HIGH, "op #" + index + " replaces "
                    + rename.target() + ", signed by " + now.subject() + ", with " + rename.source()
                    + ", signed by " + next.subject(), List.of(rename.target(), rename.source()), List.of(index),
                    evidence));
        }
    }

    private static Optional<LocationPattern> first(List<LocationPattern> patterns, WinPath path) {
        return patterns.stream().filter(p -> p.matches(path)).findFirst();
    }
}
