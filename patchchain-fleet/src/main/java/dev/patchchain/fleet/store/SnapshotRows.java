package dev.patchchain.fleet.store;

import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Inserts snapshot rows many per statement ({@value #ROWS_PER_STATEMENT} rows, 12 parameters each, under both
 * databases' parameter limits): one round trip per chunk instead of one per snapshot, which is what PostgreSQL's
 * ingest rate depends on. The statement text is made of constants only; every value is a bound parameter.
 */
final class SnapshotRows {

    static final int ROWS_PER_STATEMENT = 100;

    private static final String INSERT = "INSERT INTO snapshots (machine_id, scan_id, scanned_at, scan_day, received_at, "
            + "host_name, os_build, tool_version, status, queue_operations, downgrades, body) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CONFLICT = " ON CONFLICT (machine_id, scan_id) DO NOTHING RETURNING id, machine_id, scan_id";

    private SnapshotRows() {
    }

    /**
     * @param chunk at most {@link #ROWS_PER_STATEMENT} snapshots
     * @return per snapshot, in order, its new row id, or empty if it was already stored (or repeats an earlier
     *         snapshot of the chunk)
     */
    static List<OptionalLong> insert(Connection c, List<Snapshot> chunk, long receivedAt) throws SQLException {
        Map<String, Long> created = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql(chunk.size()))) {
            int i = 0;
            for (Snapshot s : chunk) {
                ps.setString(++i, s.machine().machineId());
                ps.setString(++i, s.scanId());
                ps.setLong(++i, s.scannedAt().toEpochMilli());
                ps.setInt(++i, (int) s.scannedAt().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
                ps.setLong(++i, receivedAt);
                ps.setString(++i, s.machine().hostName());
                ps.setString(++i, s.machine().osBuild().orElse(null));
                ps.setString(++i, s.toolVersion());
                ps.setString(++i, s.status().name());
                ps.setInt(++i, s.queue().operations());
                ps.setInt(++i, s.downgrades());
                ps.setString(++i, new String(SnapshotFormat.write(s), StandardCharsets.UTF_8));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.put(key(rs.getString(2), rs.getString(3)), rs.getLong(1));
                }
            }
        }
        List<OptionalLong> ids = new ArrayList<>(chunk.size());
        for (Snapshot s : chunk) {
            Long id = created.remove(key(s.machine().machineId(), s.scanId()));
            ids.add(id == null ? OptionalLong.empty() : OptionalLong.of(id));
        }
        return ids;
    }

    private static String sql(int rows) {
        return INSERT + String.join(", ", Collections.nCopies(rows, ROW)) + CONFLICT;
    }

    /** Ids cannot contain a NUL (the schema's id pattern), so it separates the two safely. */
    private static String key(String machineId, String scanId) {
        return machineId + '\0' + scanId;
    }
}
