package dev.patchchain.cli.verify;

import dev.patchchain.core.verify.FileCheck;
import dev.patchchain.core.verify.UpdateCheck;
import dev.patchchain.core.verify.VerifyReport;
import dev.patchchain.core.verify.VerifyStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report in Qfecheck's spirit: a title with the host, one line per update ({@code KB3146706: current on
 * system}), the evidence for every file that is not current, a summary and the warnings.
 */
final class VerifyText {

    private VerifyText() {
    }

    static String render(VerifyReport report, List<String> sources, List<String> warnings) {
        StringBuilder out = new StringBuilder();
        out.append("Hotfix validation report for ").append(report.host().orElse("(host unknown)")).append('\n');
        sources.forEach(s -> out.append("  ").append(s).append('\n'));
        out.append('\n');
        for (UpdateCheck update : report.updates()) {
            out.append(update.update().id()).append(": ").append(update.detail()).append('\n');
            for (FileCheck file : update.files()) {
                if (file.status() != VerifyStatus.CURRENT) {
                    out.append("    ").append(file.detail()).append('\n');
                }
            }
        }
        Map<VerifyStatus, Integer> counts = report.countByStatus();
        out.append('\n').append("Summary: ").append(counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "))).append('\n');
        out.append(result(report));
        if (!warnings.isEmpty()) {
            out.append("Warnings:\n");
            warnings.forEach(w -> out.append("  ").append(w).append('\n'));
        }
        return out.toString();
    }

    private static String result(VerifyReport report) {
        if (report.hasRegression()) {
            return "Result: files regressed or will regress at the next reboot.\n";
        }
        return report.hasSignatureFailure() ? "Result: files current by version are not validly signed.\n"
                : "Result: no regression.\n";
    }
}
