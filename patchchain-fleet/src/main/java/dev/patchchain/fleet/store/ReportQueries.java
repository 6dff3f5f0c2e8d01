package dev.patchchain.fleet.store;

import dev.patchchain.fleet.report.Count;
import dev.patchchain.fleet.report.FleetReport;
import dev.patchchain.fleet.report.TrendDay;
import dev.patchchain.fleet.snapshot.MachineStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queries behind {@link FleetReport}: all over each machine's latest snapshot, except the trend. */
final class ReportQueries {

    private static final String MACHINE_COLUMNS = "SELECT m.machine_id, s.host_name, s.os_build, s.scan_id, "
            + "s.scanned_at, s.status, s.queue_operations, s.downgrades, s.id "
            + "FROM machines m JOIN snapshots s ON s.id = m.latest_snapshot_id ";
    private static final String MACHINES = MACHINE_COLUMNS + "ORDER BY m.machine_id LIMIT ? OFFSET ?";
    private static final String BY_STATUS = "SELECT s.status, COUNT(*) FROM machines m "
            + "JOIN snapshots s ON s.id = m.latest_snapshot_id GROUP BY s.status";
    private static final String BY_REASON = "SELECT r.code, COUNT(*) FROM machines m "
            + "JOIN reboot_reasons r ON r.snapshot_id = m.latest_snapshot_id "
            + "GROUP BY r.code ORDER BY COUNT(*) DESC, r.code";
    private static final String BY_FILE = "SELECT f.path, COUNT(*) FROM machines m "
            + "JOIN findings f ON f.snapshot_id = m.latest_snapshot_id WHERE f.code = ? AND f.path IS NOT NULL "
            + "GROUP BY f.path ORDER BY COUNT(*) DESC, f.path LIMIT ?";
    private static final String STALE_COUNT = "SELECT COUNT(*) FROM machines WHERE last_scanned_at < ?";
    private static final String STALE = MACHINE_COLUMNS + "WHERE m.last_scanned_at < ? "
            + "ORDER BY m.last_scanned_at, m.machine_id LIMIT ?";
    private static final String TREND = "SELECT scan_day, COUNT(*), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) "
            + "FROM snapshots WHERE scan_day >= ? GROUP BY scan_day ORDER BY scan_day";

    private static final String REASONS = "SELECT snapshot_id, code FROM reboot_reasons WHERE snapshot_id IN ";
    /** Snapshot ids per reasons query, well under both databases' parameter limits. */
    private static final int REASONS_PER_QUERY = 500;

    private ReportQueries() {
    }

    static List<MachineSummary> machines(Connection c, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MACHINES)) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            return summaries(ps);
        }
    }

    static FleetReport report(Connection c, Instant now, int staleDays) throws SQLException {
        Map<MachineStatus, Long> byStatus = new EnumMap<>(MachineStatus.class);
        long machines = 0;
        try (PreparedStatement ps = c.prepareStatement(BY_STATUS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byStatus.put(MachineStatus.valueOf(rs.getString(1)), rs.getLong(2));
                machines += rs.getLong(2);
            }
        }
        List<Count> rebootsPending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BY_REASON); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rebootsPending.add(new Count(rs.getString(1), rs.getLong(2)));
            }
        }
        List<Count> byFile = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BY_FILE)) {
            ps.setString(1, "DOWNGRADE");
            ps.setInt(2, FleetReport.LIST_LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byFile.add(new Count(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        long staleBefore = now.minus(Duration.ofDays(staleDays)).toEpochMilli();
        long staleCount = single(c, STALE_COUNT, staleBefore);
        List<MachineSummary> stale;
        try (PreparedStatement ps = c.prepareStatement(STALE)) {
            ps.setLong(1, staleBefore);
            ps.setInt(2, FleetReport.LIST_LIMIT);
            stale = summaries(ps);
        }
        return new FleetReport(now, machines, byStatus, rebootsPending, byFile, staleDays, staleCount, stale,
                trend(c, now));
    }

    private static List<TrendDay> trend(Connection c, Instant now) throws SQLException {
        long today = now.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        List<TrendDay> days = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TREND)) {
            ps.setString(1, MachineStatus.DOWNGRADE.name());
            ps.setInt(2, (int) (today - FleetReport.TREND_DAYS + 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new TrendDay(LocalDate.ofEpochDay(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return days;
    }

    private static long single(Connection c, String sql, Long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setLong(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<MachineSummary> summaries(PreparedStatement ps) throws SQLException {
        List<Long> snapshotIds = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8)});
                snapshotIds.add(rs.getLong(9));
            }
        }
        Map<Long, List<String>> reasons = reasons(ps.getConnection(), snapshotIds);
        List<MachineSummary> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            out.add(new MachineSummary((String) r[0], (String) r[1], Optional.ofNullable((String) r[2]), (String) r[3],
                    Instant.ofEpochMilli((Long) r[4]), MachineStatus.valueOf((String) r[5]), (Integer) r[6],
                    (Integer) r[7], reasons.getOrDefault(snapshotIds.get(i), List.of())));
        }
        return out;
    }

    /** The reboot reasons of these snapshots, each list sorted; the statement text is constants and placeholders. */
    private static Map<Long, List<String>> reasons(Connection c, List<Long> snapshotIds) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        for (int from = 0; from < snapshotIds.size(); from += REASONS_PER_QUERY) {
            List<Long> chunk = snapshotIds.subList(from, Math.min(snapshotIds.size(), from + REASONS_PER_QUERY));
            String sql = REASONS + "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        out.values().forEach(Collections::sort);
        return out;
    }
}
