package dev.patchchain.fleet.store;

import dev.patchchain.fleet.snapshot.MachineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A machine as its latest snapshot describes it.
 *
 * @param machineId       the machine id
 * @param hostName        its host name
 * @param osBuild         its OS build, if known
 * @param scanId          the latest scan
 * @param scannedAt       when that scan ran
 * @param status          what that scan found
 * @param queueOperations how many operations its queue holds
 * @param downgrades      how many downgrades its next boot makes
 * @param rebootReasons   why a reboot is pending, as reason codes (e.g. {@code cbs-reboot-pending}), sorted
 */
public record MachineSummary(String machineId, String hostName, Optional<String> osBuild, String scanId,
                             Instant scannedAt, MachineStatus status, int queueOperations, int downgrades,
                             List<String> rebootReasons) {

    /** Copies the list. */
    public MachineSummary {
        rebootReasons = List.copyOf(rebootReasons);
    }
}
