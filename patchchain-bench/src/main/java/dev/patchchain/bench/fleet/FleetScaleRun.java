package dev.patchchain.bench.fleet;

import dev.patchchain.fleet.report.FleetReport;
import dev.patchchain.fleet.report.ReportHtml;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.StoreLocation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Timed run of the fleet store: {@code machines} machines ingested in batches of {@value #BATCH} by {@code writers}
 * concurrent writers (ingest rate), then the report over them (query and HTML). Not JMH: one pass of a large
 * fixed workload is what an organisation sees; run it twice and keep the second figure.
 *
 * <pre>
 * java -cp patchchain-bench/target/benchmarks.jar dev.patchchain.bench.fleet.FleetScaleRun DB MACHINES WRITERS
 * </pre>
 */
public final class FleetScaleRun {

    private static final int BATCH = 500;

    private FleetScaleRun() {
    }

    /**
     * @param args the database ({@code --db} syntax), the number of machines, the number of writers
     * @throws Exception if the store fails
     */
    public static void main(String[] args) throws Exception {
        StoreLocation location = StoreLocation.parse(args[0], Path.of("").toAbsolutePath());
        int machines = Integer.parseInt(args[1]);
        int writers = Integer.parseInt(args[2]);
        Instant now = Instant.now();
        List<Snapshot> snapshots = new ArrayList<>(machines);
        FleetWorkload workload = new FleetWorkload(now, 42);
        for (int n = 0; n < machines; n++) {
            snapshots.add(workload.snapshot(n, 1));
        }
        int typicalBytes = SnapshotFormat.write(snapshots.get(1)).length;
        try (FleetStore store = FleetStore.open(location, Clock.fixed(now, ZoneOffset.UTC))) {
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            ingest(store, snapshots, writers);
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
            // CPU time of this process too: on a shared machine the wall clock includes other people's work.
            System.out.printf(Locale.ROOT, "%s ingest: %d snapshots (~%d bytes each), %d writer(s), batches of %d: "
                            + "%.2f s wall, %.0f snapshots/s; client CPU %.2f s (%.0f snapshots per CPU-second)%n",
                    location.kind(), machines, typicalBytes, writers, BATCH, ingestSeconds, machines / ingestSeconds,
                    cpuSeconds, machines / cpuSeconds);
            for (int run = 1; run <= 2; run++) {
                long t1 = System.nanoTime();
                FleetReport report = store.report(30);
                double query = (System.nanoTime() - t1) / 1e9;
                long t2 = System.nanoTime();
                int htmlBytes = ReportHtml.render(report).length();
                double html = (System.nanoTime() - t2) / 1e9;
                System.out.printf(Locale.ROOT, "%s report #%d over %d machines: query %.2f s, HTML %.3f s (%d chars); "
                                + "%s, %d stale%n", location.kind(), run, report.machines(), query, html, htmlBytes,
                        report.byStatus(), report.staleCount());
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void ingest(FleetStore store, List<Snapshot> snapshots, int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < snapshots.size(); from += BATCH) {
                List<Snapshot> batch = snapshots.subList(from, Math.min(snapshots.size(), from + BATCH));
                done.add(pool.submit(() -> store.ingestAll(batch)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
