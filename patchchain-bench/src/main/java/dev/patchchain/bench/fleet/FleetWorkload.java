package dev.patchchain.bench.fleet;

import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFinding;
import dev.patchchain.fleet.snapshot.SnapshotQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Snapshots of a generated fleet, shaped like a patch week: a typical snapshot has a queue of 10 renames (about
 * 2 KB of JSON); one machine in five has a downgrade of one or two of 200 system files, one in five only a pending
 * reboot, the rest are clean; scans are spread over the last 45 days (so some machines are stale).
 */
final class FleetWorkload {

    static final int QUEUE_OPERATIONS = 10;
    private static final int FILES = 200;
    private static final int DAYS = 45;

    private final Instant now;
    private final SplittableRandom random;

    FleetWorkload(Instant now, long seed) {
        this.now = now;
        this.random = new SplittableRandom(seed);
    }

    /** @return the snapshot of machine {@code n}, scan {@code scan} */
    Snapshot snapshot(int n, int scan) {
        String machineId = String.format("4c4c4544-%04x-%04x-8052-b4c04f4e4d32", n >>> 16, n & 0xffff);
        Instant at = now.minus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
        int kind = random.nextInt(5);
        List<SnapshotFinding> findings = new ArrayList<>();
        int operations = kind == 4 ? 0 : QUEUE_OPERATIONS;
        if (kind == 0) {
            for (int i = 0, count = 1 + random.nextInt(2); i < count; i++) {
                String file = "C:\\Windows\\System32\\lib" + random.nextInt(FILES) + ".dll";
                findings.add(new SnapshotFinding("DOWNGRADE", "HIGH", file + " will become 10.0.19041.1 although "
                        + "10.0.19041.4522 is queued earlier", List.of(file), List.of(i, i + 1)));
            }
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            strings.add("\\??\\C:\\Windows\\WinSxS\\Temp\\PendingRenames\\" + Integer.toHexString(random.nextInt())
                    + "_lib" + i + ".dll");
            strings.add("!\\??\\C:\\Windows\\System32\\lib" + i + ".dll");
        }
        return new Snapshot(new MachineIdentity(machineId, "WS-" + n, Optional.of("19045.6218")),
                "scan-" + scan, at, "0.1.0", new SnapshotQueue(operations == 0 ? Map.of()
                : Map.of("PendingFileRenameOperations", strings), operations), findings, Optional.empty(),
                Optional.empty());
    }
}
