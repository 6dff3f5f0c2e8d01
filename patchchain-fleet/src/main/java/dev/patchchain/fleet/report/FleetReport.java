package dev.patchchain.fleet.report;

import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.store.MachineSummary;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation view, computed by {@link dev.patchchain.fleet.store.FleetStore#report} from each machine's latest
 * snapshot and rendered by {@link ReportHtml}, {@link ReportCsv} and {@link ReportJson}.
 *
 * @param generatedAt       when it was computed
 * @param machines          how many machines the store knows
 * @param byStatus          machines by the status of their latest snapshot (every status, zeros included)
 * @param rebootsPending    machines with a pending reboot, by reason
 * @param downgradesByFile  files the next boot downgrades, by how many machines, most first
 * @param staleDays         the "not scanned for" threshold in days
 * @param staleCount        machines whose latest scan is older than that
 * @param staleMachines     the stalest of them, oldest first (at most {@link #LIST_LIMIT})
 * @param trend             snapshots per day over the last {@link #TREND_DAYS} days that have any
 */
public record FleetReport(Instant generatedAt, long machines, Map<MachineStatus, Long> byStatus,
                          List<Count> rebootsPending, List<Count> downgradesByFile, int staleDays, long staleCount,
                          List<MachineSummary> staleMachines, List<TrendDay> trend) {

    /** How many rows a list in the report shows at most. */
    public static final int LIST_LIMIT = 50;
    /** How many days the trend covers. */
    public static final int TREND_DAYS = 30;

    /** Copies the collections, filling statuses with no machine with zero. */
    public FleetReport {
        Map<MachineStatus, Long> all = new EnumMap<>(MachineStatus.class);
        for (MachineStatus s : MachineStatus.values()) {
            all.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Collections.unmodifiableMap(all);
        rebootsPending = List.copyOf(rebootsPending);
        downgradesByFile = List.copyOf(downgradesByFile);
        staleMachines = List.copyOf(staleMachines);
        trend = List.copyOf(trend);
    }
}
