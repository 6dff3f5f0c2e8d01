package dev.patchchain.fleet.server;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.StoreLocation;
import dev.patchchain.fleet.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * K concurrent agents each post M distinct snapshots over loopback, and re-post their first one (a retry): every
 * snapshot is stored exactly once, within a time bound; p50/p99 latency is printed.
 */
class LoadTest {

    private static final int AGENTS = 8;
    private static final int SNAPSHOTS_PER_AGENT = 50;

    @TempDir
    Path dir;

    @Test
    void concurrent_agents_on_sqlite() throws Exception {
        run("sqlite", TestDatabases.sqlite(dir));
    }

    @Test
    void concurrent_agents_on_postgresql() throws Exception {
        run("postgresql", TestDatabases.postgres());
    }

    private void run(String name, StoreLocation location) throws Exception {
        try (ServerFixture fixture = new ServerFixture(location, Clock.systemUTC(), true)) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
                try {
                    List<Future<List<Integer>>> results = new ArrayList<>();
                    for (int a = 0; a < AGENTS; a++) {
                        int agent = a;
                        results.add(agents.submit(() -> postAll(fixture, agent, latencies)));
                    }
                    for (Future<List<Integer>> r : results) {
                        List<Integer> statuses = r.get();
                        assertThat(statuses.subList(0, SNAPSHOTS_PER_AGENT)).containsOnly(201);
                        assertThat(statuses.get(SNAPSHOTS_PER_AGENT)).isEqualTo(200);
                    }
                } finally {
                    agents.shutdownNow();
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(fixture.store.snapshotCount()).isEqualTo((long) AGENTS * SNAPSHOTS_PER_AGENT);
            assertThat(fixture.store.report(30).machines()).isEqualTo((long) AGENTS * SNAPSHOTS_PER_AGENT / 5);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "load test %s: %d agents x %d snapshots (+1 retry each) in %.2f s, "
                            + "%.0f posts/s, p50 %.1f ms, p99 %.1f ms%n", name, AGENTS, SNAPSHOTS_PER_AGENT, seconds,
                    sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99));
        }
    }

    private static List<Integer> postAll(ServerFixture fixture, int agent, List<Long> latencies) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        byte[] first = null;
        for (int i = 0; i < SNAPSHOTS_PER_AGENT; i++) {
            // 5 scans per machine, so machines get several snapshots and the latest must win.
            byte[] body = SnapshotFormat.write(TestSnapshots.downgrading("agent" + agent + "-m" + (i / 5),
                    "scan-" + i, NOW.plusSeconds(i), "C:\\Windows\\System32\\f" + (i % 7) + ".dll"));
            first = first == null ? body : first;
            statuses.add(timed(fixture, body, latencies).statusCode());
        }
        statuses.add(timed(fixture, first, latencies).statusCode());
        return statuses;
    }

    private static HttpResponse<String> timed(ServerFixture fixture, byte[] body, List<Long> latencies) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> response = fixture.post(body, "application/json", ServerFixture.TOKEN);
        latencies.add(System.nanoTime() - t);
        return response;
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
