package dev.patchchain.fleet.store;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.report.Count;
import dev.patchchain.fleet.report.FleetReport;
import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.snapshot.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FleetStore} database must do; run against SQLite always and PostgreSQL when reachable. */
abstract class FleetStoreContract {

    private StoreLocation location;
    private FleetStore store;

    /** @return a new, empty database */
    abstract StoreLocation newDatabase();

    @BeforeEach
    void open() throws Exception {
        location = newDatabase();
        store = FleetStore.open(location, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_same_machine_and_scan_id_is_stored_once() throws Exception {
        Snapshot s = TestSnapshots.downgrading("ws-1", "scan-1", NOW.minusSeconds(60), "C:\\Windows\\System32\\a.dll");

        assertThat(store.ingest(s)).isEqualTo(IngestOutcome.NEW);
        assertThat(store.ingest(s)).isEqualTo(IngestOutcome.DUPLICATE);
        assertThat(store.ingestAll(List.of(s, TestSnapshots.clean("ws-1", "scan-2", NOW))))
                .containsExactly(IngestOutcome.DUPLICATE, IngestOutcome.NEW);
        Snapshot twice = TestSnapshots.clean("ws-2", "scan-1", NOW);
        assertThat(store.ingestAll(List.of(twice, twice))).containsExactly(IngestOutcome.NEW, IngestOutcome.DUPLICATE);
        assertThat(store.snapshotCount()).isEqualTo(3);
    }

    @Test
    void a_batch_larger_than_one_statement_keeps_every_outcome_in_order() throws Exception {
        List<Snapshot> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(TestSnapshots.downgrading("m" + i, "s", NOW.minusSeconds(i), "C:\\f" + (i % 4) + ".dll"));
        }
        store.ingest(batch.get(120));

        List<IngestOutcome> outcomes = store.ingestAll(batch);

        assertThat(outcomes).hasSize(250);
        assertThat(outcomes.get(120)).isEqualTo(IngestOutcome.DUPLICATE);
        assertThat(outcomes.stream().filter(o -> o == IngestOutcome.NEW)).hasSize(249);
        assertThat(store.report(30).downgradesByFile()).extracting(Count::count).containsOnly(63L, 62L);
    }

    @Test
    void a_machine_is_described_by_its_latest_scan_whatever_the_arrival_order() throws Exception {
        store.ingest(TestSnapshots.clean("ws-1", "new", NOW.minusSeconds(60)));
        store.ingest(TestSnapshots.downgrading("ws-1", "old", NOW.minus(Duration.ofDays(2)), "C:\\x.dll"));

        List<MachineSummary> machines = store.machines(10, 0);
        assertThat(machines).singleElement().satisfies(m -> {
            assertThat(m.scanId()).isEqualTo("new");
            assertThat(m.status()).isEqualTo(MachineStatus.CLEAN);
            assertThat(m.hostName()).isEqualTo("WS-1");
            assertThat(m.osBuild()).contains("19045.6218");
        });
    }

    @Test
    void the_report_counts_statuses_downgrades_by_file_stale_machines_and_the_trend() throws Exception {
        store.ingestAll(List.of(
                TestSnapshots.downgrading("a", "1", NOW.minusSeconds(10), "C:\\w\\foo.dll", "C:\\w\\bar.dll"),
                TestSnapshots.downgrading("b", "1", NOW.minusSeconds(20), "C:\\w\\foo.dll"),
                TestSnapshots.rebootPending("c", "1", NOW.minus(Duration.ofDays(1)), 3),
                TestSnapshots.clean("d", "1", NOW.minus(Duration.ofDays(45))),
                TestSnapshots.downgrading("d", "0", NOW.minus(Duration.ofDays(46)), "C:\\w\\old.dll")));

        FleetReport report = store.report(30);

        assertThat(report.machines()).isEqualTo(4);
        assertThat(report.byStatus()).containsEntry(MachineStatus.DOWNGRADE, 2L).containsEntry(MachineStatus.CLEAN, 1L)
                .containsEntry(MachineStatus.REBOOT_PENDING, 1L).containsEntry(MachineStatus.ATTENTION, 0L);
        assertThat(report.downgradesByFile()).containsExactly(new Count("C:\\w\\foo.dll", 2), new Count("C:\\w\\bar.dll", 1));
        assertThat(report.rebootsPending()).containsExactly(new Count("file-rename-pending", 3));
        assertThat(report.staleCount()).isEqualTo(1);
        assertThat(report.staleMachines()).extracting(MachineSummary::machineId).containsExactly("d");
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(report.trend()).extracting(d -> d.day() + "=" + d.scans() + "/" + d.withDowngrades())
                .containsExactly(today.minusDays(1) + "=1/0", today + "=2/2");
    }

    @Test
    void reboots_pending_are_counted_by_the_reasons_the_signals_give() throws Exception {
        store.ingestAll(List.of(
                TestSnapshots.withSignals(TestSnapshots.rebootPending("a", "1", NOW, 2),
                        "cbs-reboot-pending", "file-rename-pending"),
                TestSnapshots.withSignals(TestSnapshots.clean("b", "1", NOW), "cbs-reboot-pending"),
                TestSnapshots.withSignals(TestSnapshots.clean("c", "1", NOW), "domain-join"),
                TestSnapshots.withSignals(TestSnapshots.rebootPending("c", "0", NOW.minusSeconds(60), 1),
                        "wu-reboot-required"),
                TestSnapshots.rebootPending("d", "1", NOW, 4),
                TestSnapshots.withSignals(TestSnapshots.clean("e", "1", NOW))));

        FleetReport report = store.report(30);

        assertThat(report.rebootsPending()).containsExactly(new Count("cbs-reboot-pending", 2),
                new Count("file-rename-pending", 2), new Count("domain-join", 1));
        assertThat(report.byStatus()).containsEntry(MachineStatus.REBOOT_PENDING, 4L)
                .containsEntry(MachineStatus.CLEAN, 1L);
        store.ingest(TestSnapshots.withSignals(TestSnapshots.clean("b", "1", NOW), "wu-reboot-required"));
        assertThat(store.report(30).rebootsPending()).contains(new Count("cbs-reboot-pending", 2));
    }

    @Test
    void machines_are_listed_in_pages_by_machine_id() throws Exception {
        for (String id : List.of("c", "a", "b")) {
            store.ingest(TestSnapshots.clean(id, "1", NOW));
        }
        assertThat(store.machines(2, 0)).extracting(MachineSummary::machineId).containsExactly("a", "b");
        assertThat(store.machines(2, 2)).extracting(MachineSummary::machineId).containsExactly("c");
    }

    @Test
    void concurrent_writers_store_every_snapshot_exactly_once() throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            snapshots.add(TestSnapshots.downgrading("m" + (i % 10), "s" + i, NOW.minusSeconds(i), "C:\\f" + (i % 3) + ".dll"));
        }
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (Snapshot s : snapshots) {
                        if (store.ingest(s) == IngestOutcome.NEW) {
                            created.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(created).hasValue(40);
        assertThat(store.snapshotCount()).isEqualTo(40);
        assertThat(store.report(30).machines()).isEqualTo(10);
    }

    @Test
    void reopening_keeps_the_data_and_does_not_migrate_again() throws Exception {
        store.ingest(TestSnapshots.clean("ws-1", "1", NOW));
        store.close();
        store = FleetStore.open(location, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(store.snapshotCount()).isEqualTo(1);
    }
}
