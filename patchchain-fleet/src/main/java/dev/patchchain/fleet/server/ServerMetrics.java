package dev.patchchain.fleet.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters the server keeps and prints in the Prometheus text exposition format (version 0.0.4) at {@code /metrics}. */
final class ServerMetrics {

    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder ingestCount = new LongAdder();
    private final AtomicLong ingestNanos = new AtomicLong();

    void received(String outcome, long nanos) {
        received.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        ingestCount.increment();
        ingestNanos.addAndGet(nanos);
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP patchchain_snapshots_received_total Snapshots accepted, by outcome (new or duplicate).\n")
                .append("# TYPE patchchain_snapshots_received_total counter\n");
        counters(sb, "patchchain_snapshots_received_total", "outcome", received);
        sb.append("# HELP patchchain_snapshots_rejected_total Snapshot uploads refused, by reason.\n")
                .append("# TYPE patchchain_snapshots_rejected_total counter\n");
        counters(sb, "patchchain_snapshots_rejected_total", "reason", rejected);
        sb.append("# HELP patchchain_ingest_seconds Time to validate and store accepted snapshots.\n")
                .append("# TYPE patchchain_ingest_seconds summary\n")
                .append(String.format(Locale.ROOT, "patchchain_ingest_seconds_sum %.6f%n", ingestNanos.get() / 1e9))
                .append("patchchain_ingest_seconds_count ").append(ingestCount.sum()).append('\n');
        return sb.toString();
    }

    private static void counters(StringBuilder sb, String name, String label, Map<String, LongAdder> values) {
        new TreeMap<>(values).forEach((k, v) -> sb.append(name).append('{').append(label).append("=\"").append(k)
                .append("\"} ").append(v.sum()).append('\n'));
    }
}
