package dev.patchchain.fleet.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.fleet.store.MachineSummary;
import java.util.List;

/** The report and machine lists as JSON trees (snake_case), for {@code report --json} and the server's API. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    /**
     * @param report the report
     * @return it as a tree
     */
    public static ObjectNode report(FleetReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generated_at", report.generatedAt().toString());
        root.put("machines", report.machines());
        ObjectNode status = root.putObject("by_status");
        report.byStatus().forEach((s, n) -> status.put(s.name(), n));
        root.set("reboots_pending", counts(report.rebootsPending(), "reason"));
        root.set("downgrades_by_file", counts(report.downgradesByFile(), "path"));
        ObjectNode stale = root.putObject("not_scanned");
        stale.put("days", report.staleDays());
        stale.put("count", report.staleCount());
        stale.set("machines", machines(report.staleMachines()));
        ArrayNode trend = root.putArray("trend");
        for (TrendDay d : report.trend()) {
            ObjectNode n = trend.addObject();
            n.put("day", d.day().toString());
            n.put("scans", d.scans());
            n.put("with_downgrades", d.withDowngrades());
        }
        return root;
    }

    /**
     * @param machines machines
     * @return them as an array of objects
     */
    public static ArrayNode machines(List<MachineSummary> machines) {
        ArrayNode array = MAPPER.createArrayNode();
        for (MachineSummary m : machines) {
            ObjectNode n = array.addObject();
            n.put("machine_id", m.machineId());
            n.put("host", m.hostName());
            n.put("os_build", m.osBuild().orElse(null));
            n.put("scan_id", m.scanId());
            n.put("scanned_at", m.scannedAt().toString());
            n.put("status", m.status().name());
            n.put("queue_operations", m.queueOperations());
            n.put("downgrades", m.downgrades());
            m.rebootReasons().forEach(n.putArray("reboot_reasons")::add);
        }
        return array;
    }

    private static ArrayNode counts(List<Count> counts, String labelName) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Count c : counts) {
            array.addObject().put(labelName, c.label()).put("machines", c.count());
        }
        return array;
    }
}
