package dev.patchchain.fleet.report;

import dev.patchchain.fleet.store.MachineSummary;
import java.util.List;

/**
 * The machines as CSV (RFC 4180, CRLF), one row per machine from its latest snapshot, for spreadsheets:
 * {@code machine_id,host,os_build,scan_id,scanned_at,status,queue_operations,downgrades,reboot_reasons},
 * the reasons as codes separated by {@code ;}.
 */
public final class ReportCsv {

    /** The header row. */
    public static final String HEADER = "machine_id,host,os_build,scan_id,scanned_at,status,queue_operations,downgrades,reboot_reasons";

    private ReportCsv() {
    }

    /**
     * @param machines machines
     * @return their rows, header first
     */
    public static String render(List<MachineSummary> machines) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (MachineSummary m : machines) {
            sb.append(field(m.machineId())).append(',').append(field(m.hostName())).append(',')
                    .append(field(m.osBuild().orElse(""))).append(',').append(field(m.scanId())).append(',')
                    .append(m.scannedAt()).append(',').append(m.status()).append(',').append(m.queueOperations())
                    .append(',').append(m.downgrades()).append(',')
                    .append(field(String.join(";", m.rebootReasons()))).append("\r\n");
        }
        return sb.toString();
    }

    private static String field(String value) {
        // A leading = + - @ would be run as a formula by spreadsheets: quote and prefix with '.
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
        if (!formula && value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
    }
}
