package dev.patchchain.fleet.report;

import dev.patchchain.core.signals.SignalCode;
import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.store.MachineSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no web font, no external request,
 * so it opens offline and can be mailed. The dashboard of {@code patchchain serve} is the same page.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("index.html"), ReportHtml.render(store.report(30)));
 * }</pre>
 */
public final class ReportHtml {

    private static final Map<MachineStatus, String> COLORS = Map.of(MachineStatus.DOWNGRADE, "#c0392b",
            MachineStatus.ATTENTION, "#e67e22", MachineStatus.REBOOT_PENDING, "#2980b9", MachineStatus.CLEAN, "#27ae60");
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;"
            + "max-width:1100px;padding:0 16px;color:#222}h1{margin-bottom:4px}.meta{color:#555;margin-top:0}"
            + ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{border:1px solid #ddd;border-radius:6px;"
            + "padding:10px 16px;min-width:140px}.card .n{font-size:28px;font-weight:600}.card .l{color:#555}"
            + "section{margin:28px 0}table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:4px 10px;"
            + "text-align:left}svg text{font-family:inherit}";

    private ReportHtml() {
    }

    /**
     * @param report the report
     * @return the page
     */
    public static String render(FleetReport report) {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>patchchain fleet report</title><style>").append(STYLE).append("</style></head><body>\n");
        sb.append("<h1>Fleet report</h1><p class=\"meta\">").append(report.machines()).append(" machines, generated ")
                .append(Html.escape(report.generatedAt().toString())).append("</p>\n");
        sb.append("<div class=\"cards\">");
        card(sb, "machines", report.machines(), "#222");
        for (MachineStatus s : MachineStatus.values()) {
            card(sb, label(s), report.byStatus().get(s), COLORS.get(s));
        }
        card(sb, "not scanned for " + report.staleDays() + " days", report.staleCount(), "#7f8c8d");
        sb.append("</div>\n");
        List<Count> statuses = new ArrayList<>();
        report.byStatus().forEach((s, n) -> statuses.add(new Count(label(s), n)));
        section(sb, "status", "Machines by status", SvgCharts.bars("Machines by status", statuses, "#34495e"));
        section(sb, "reboots", "Reboots pending, by reason",
                SvgCharts.bars("Reboots pending by reason", report.rebootsPending(), "#2980b9")
                        + reasonLegend(report.rebootsPending()));
        section(sb, "downgrades", "Downgrades by file (machines whose next boot downgrades it)",
                SvgCharts.bars("Downgrades by file", report.downgradesByFile(), "#c0392b"));
        section(sb, "trend", "Scans per day, last " + FleetReport.TREND_DAYS + " days (red: with a downgrade)",
                SvgCharts.trend(report.trend()));
        section(sb, "stale", "Not scanned for " + report.staleDays() + " days (" + report.staleCount() + ")",
                staleTable(report.staleMachines()));
        return sb.append("</body></html>\n").toString();
    }

    /** @return how the report names a status, e.g. {@code reboot pending} */
    private static String label(MachineStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** What each reason code means, e.g. {@code cbs-reboot-pending}: component servicing (CBS) has changes... */
    private static String reasonLegend(List<Count> reasons) {
        StringBuilder sb = new StringBuilder();
        for (Count c : reasons) {
            Arrays.stream(SignalCode.values()).filter(code -> code.id().equals(c.label())).findFirst()
                    .ifPresent(code -> sb.append("<li><code>").append(Html.escape(code.id())).append("</code>: ")
                            .append(Html.escape(code.reason())).append("</li>"));
        }
        return sb.isEmpty() ? "" : "<ul class=\"legend\">" + sb + "</ul>";
    }

    private static void card(StringBuilder sb, String label, long n, String color) {
        sb.append("<div class=\"card\"><div class=\"n\" style=\"color:").append(color).append("\">").append(n)
                .append("</div><div class=\"l\">").append(Html.escape(label)).append("</div></div>");
    }

    private static void section(StringBuilder sb, String id, String heading, String body) {
        sb.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(heading)).append("</h2>")
                .append(body).append("</section>\n");
    }

    private static String staleTable(List<MachineSummary> machines) {
        if (machines.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder sb = new StringBuilder("<table><tr><th>machine</th><th>host</th><th>last scan</th>"
                + "<th>status then</th></tr>");
        for (MachineSummary m : machines) {
            sb.append("<tr><td>").append(Html.escape(m.machineId())).append("</td><td>").append(Html.escape(m.hostName()))
                    .append("</td><td>").append(m.scannedAt()).append("</td><td>").append(label(m.status()))
                    .append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }
}
