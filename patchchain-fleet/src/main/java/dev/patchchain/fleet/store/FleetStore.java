package dev.patchchain.fleet.store;

import dev.patchchain.fleet.report.FleetReport;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The fleet's snapshots in a database (SQLite or PostgreSQL, the same SQL on both, prepared statements only).
 * Opening migrates the schema. Ingest is idempotent on (machine id, scan id); a machine's latest snapshot is the
 * one with the latest scan time, whatever order they arrive in.
 *
 * <pre>{@code
 * try (FleetStore store = FleetStore.open(StoreLocation.parse("fleet.db", cwd), Clock.systemUTC())) {
 *     store.ingest(snapshot);                       // NEW
 *     store.ingest(snapshot);                       // DUPLICATE
 *     FleetReport report = store.report(30);
 * }
 * }</pre>
 */
public final class FleetStore implements AutoCloseable {

    private static final String INSERT_REASON = "INSERT INTO reboot_reasons (snapshot_id, code) VALUES (?, ?)";
    private static final String INSERT_FINDING =
            "INSERT INTO findings (snapshot_id, position, code, severity, path) VALUES (?, ?, ?, ?, ?)";
    private static final String UPSERT_MACHINE = "INSERT INTO machines (machine_id, latest_snapshot_id, last_scanned_at) "
            + "VALUES (?, ?, ?) ON CONFLICT (machine_id) DO UPDATE SET latest_snapshot_id = excluded.latest_snapshot_id, "
            + "last_scanned_at = excluded.last_scanned_at WHERE excluded.last_scanned_at >= machines.last_scanned_at";
    private static final String COUNT_SNAPSHOTS = "SELECT COUNT(*) FROM snapshots";
    private static final String PING = "SELECT 1";

    private final StoreLocation location;
    private final ConnectionPool pool;
    private final Clock clock;

    private FleetStore(StoreLocation location, ConnectionPool pool, Clock clock) {
        this.location = location;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Opens the store, creating the SQLite file's directory and migrating the schema to the current version.
     *
     * @param location the database
     * @param clock    gives the receive time and "now" for reports
     * @return the open store
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static FleetStore open(StoreLocation location, Clock clock) throws StoreException {
        try {
            if (location.file().isPresent() && location.file().get().getParent() != null) {
                Files.createDirectories(location.file().get().getParent());
            }
            Flyway.configure().dataSource(location.jdbcUrl(), null, null).locations(location.kind().migrations())
                    .load().migrate();
            return new FleetStore(location, new ConnectionPool(location), clock);
        } catch (IOException | SQLException | FlywayException e) {
            throw new StoreException("cannot open the fleet store " + location.display() + ": " + rootMessage(e), e);
        }
    }

    /** @return how many transactions can run at once (1 on SQLite) */
    public int connections() {
        return location.kind().connections();
    }

    /** @return where this store is */
    public StoreLocation location() {
        return location;
    }

    /**
     * @param snapshot a validated snapshot
     * @return whether it was new or already stored
     * @throws StoreException if the database fails
     */
    public IngestOutcome ingest(Snapshot snapshot) throws StoreException {
        return ingestAll(List.of(snapshot)).get(0);
    }

    /**
     * Stores snapshots in one transaction: all or none.
     *
     * @param snapshots validated snapshots
     * @return per snapshot, in order, whether it was new
     * @throws StoreException if the database fails
     */
    public List<IngestOutcome> ingestAll(List<Snapshot> snapshots) throws StoreException {
        long receivedAt = clock.millis();
        try {
            return pool.transaction(c -> {
                List<IngestOutcome> outcomes = new ArrayList<>(snapshots.size());
                try (PreparedStatement finding = c.prepareStatement(INSERT_FINDING);
                     PreparedStatement reason = c.prepareStatement(INSERT_REASON);
                     PreparedStatement machine = c.prepareStatement(UPSERT_MACHINE)) {
                    boolean any = false;
                    for (int from = 0; from < snapshots.size(); from += SnapshotRows.ROWS_PER_STATEMENT) {
                        List<Snapshot> chunk = snapshots.subList(from,
                                Math.min(snapshots.size(), from + SnapshotRows.ROWS_PER_STATEMENT));
                        List<OptionalLong> ids = SnapshotRows.insert(c, chunk, receivedAt);
                        for (int i = 0; i < chunk.size(); i++) {
                            Snapshot s = chunk.get(i);
                            OptionalLong id = ids.get(i);
                            outcomes.add(id.isPresent() ? IngestOutcome.NEW : IngestOutcome.DUPLICATE);
                            if (id.isPresent()) {
                                any = true;
                                addFindings(finding, id.getAsLong(), s.findings());
                                for (String code : s.rebootReasons()) {
                                    reason.setLong(1, id.getAsLong());
                                    reason.setString(2, code);
                                    reason.addBatch();
                                }
                                machine.setString(1, s.machine().machineId());
                                machine.setLong(2, id.getAsLong());
                                machine.setLong(3, s.scannedAt().toEpochMilli());
                                machine.addBatch();
                            }
                        }
                    }
                    // One batch each for all findings and all machine rows of the transaction.
                    if (any) {
                        finding.executeBatch();
                        reason.executeBatch();
                        machine.executeBatch();
                    }
                }
                return outcomes;
            });
        } catch (SQLException e) {
            throw failure("store snapshots", e);
        }
    }

    private static void addFindings(PreparedStatement finding, long snapshotId, List<SnapshotFinding> findings)
            throws SQLException {
        for (int p = 0; p < findings.size(); p++) {
            SnapshotFinding f = findings.get(p);
            finding.setLong(1, snapshotId);
            finding.setInt(2, p);
            finding.setString(3, f.code());
            finding.setString(4, f.severity());
            finding.setString(5, f.paths().isEmpty() ? null : f.paths().get(0));
            finding.addBatch();
        }
    }

    /**
     * @param limit  at most this many
     * @param offset after skipping this many (ordered by machine id)
     * @return machines with their latest snapshot
     * @throws StoreException if the database fails
     */
    public List<MachineSummary> machines(int limit, int offset) throws StoreException {
        try {
            return pool.transaction(c -> ReportQueries.machines(c, limit, offset));
        } catch (SQLException e) {
            throw failure("list machines", e);
        }
    }

    /**
     * @param staleDays machines whose latest scan is older than this many days count as not scanned
     * @return the organisation view as of now
     * @throws StoreException if the database fails
     */
    public FleetReport report(int staleDays) throws StoreException {
        Instant now = clock.instant();
        try {
            return pool.transaction(c -> ReportQueries.report(c, now, staleDays));
        } catch (SQLException e) {
            throw failure("compute the report", e);
        }
    }

    /**
     * @return how many snapshots are stored
     * @throws StoreException if the database fails
     */
    public long snapshotCount() throws StoreException {
        try {
            return pool.transaction(FleetStore::countSnapshots);
        } catch (SQLException e) {
            throw failure("count snapshots", e);
        }
    }

    /**
     * @throws StoreException if the database does not answer
     */
    public void ping() throws StoreException {
        try {
            pool.transaction(c -> single(c, PING));
        } catch (SQLException e) {
            throw failure("reach the database", e);
        }
    }

    private static long countSnapshots(Connection c) throws SQLException {
        return single(c, COUNT_SNAPSHOTS);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Flyway wraps the driver's one-line reason in a multi-line report: the innermost message is the reason. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + location.display() + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
