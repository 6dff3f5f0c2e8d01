package dev.patchchain.cli.signals;

import dev.patchchain.cli.queue.OperationView;
import dev.patchchain.cli.render.Table;
import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.signals.QueueEntry;
import dev.patchchain.core.signals.RebootSignal;
import dev.patchchain.core.signals.SignalKind;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.signals.Zombie;
import java.util.List;
import java.util.Locale;

/** The text report of {@code signals}: "a reboot is pending because ...", one reason per indicator. */
final class SignalsText {

    private SignalsText() {
    }

    static String render(SignalReport report, SignalsInput input) {
        StringBuilder sb = new StringBuilder("Reboot signals\n");
        sb.append("  SYSTEM hive:   ").append(input.system()).append('\n');
        sb.append("  SOFTWARE hive: ").append(input.software()).append('\n');
        sb.append("  volume: ").append(input.volume()).append('\n');
        if (!input.ignored().isEmpty()) {
            sb.append("  ignored classes: ").append(input.ignored().stream().map(Attribution::id).toList()).append('\n');
        }
        sb.append('\n');
        if (report.rebootPending()) {
            sb.append("A reboot is pending because:\n");
            signals(sb, report.signals());
        } else {
            sb.append("No reboot is pending.\n");
        }
        if (!report.ignored().isEmpty()) {
            sb.append("\nIgnored (--ignore):\n");
            signals(sb, report.ignored());
        }
        if (!report.entries().isEmpty()) {
            sb.append("\nPending file rename queue:\n");
            Table table = new Table("#", "entry", "queued by", "rule", "counts");
            for (QueueEntry e : report.entries()) {
                table.row(Integer.toString(e.index()), OperationView.describe(e.operation()), e.attribution().label(),
                        e.rule().orElse(""), e.ignored() ? "ignored" : "yes");
            }
            sb.append(table.render());
        }
        if (input.pendingXml() != null) {
            sb.append("\nServicing transaction (run by poqexec at the boot, after the queue): ")
                    .append(input.pendingXml().file()).append('\n');
            sb.append("  ").append(input.pendingXml().counts()).append('\n');
            for (String change : input.pendingXml().firstChanges()) {
                sb.append("  ").append(change).append('\n');
            }
        }
        if (!report.zombies().isEmpty()) {
            sb.append("\nZombie entries (they keep the reboot pending for nothing):\n");
            for (Zombie z : report.zombies()) {
                sb.append("  #").append(z.index()).append(' ').append(z.reason().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).append(": ").append(z.evidence()).append('\n');
            }
        }
        sb.append('\n');
        for (String note : report.notes()) {
            sb.append("Note:   ").append(note).append('\n');
        }
        for (String warning : input.warnings()) {
            sb.append("WARNING: ").append(warning).append('\n');
        }
        sb.append(report.rebootPending()
                ? "Result: a reboot is pending (" + report.signals().size() + " signal(s)).\n"
                : "Result: no reboot is pending.\n");
        return sb.toString();
    }

    private static void signals(StringBuilder sb, List<RebootSignal> signals) {
        for (RebootSignal s : signals) {
            sb.append("  [").append(s.code().id()).append("] ").append(s.code().reason());
            if (s.kind() == SignalKind.HOUSEKEEPING) {
                sb.append(" (housekeeping only: no update waits for it)");
            }
            sb.append('\n');
            sb.append("      ").append(s.source()).append(": ").append(s.evidence()).append('\n');
        }
    }
}
