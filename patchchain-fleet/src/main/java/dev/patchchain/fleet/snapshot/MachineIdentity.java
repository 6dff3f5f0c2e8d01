package dev.patchchain.fleet.snapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a snapshot is about, e.g. {@code new MachineIdentity("4c4c4544-0031", "WS-0042", Optional.of("19045.6218"))}.
 *
 * @param machineId the stable machine id (MachineGuid on Windows); with the scan id it identifies a snapshot
 * @param hostName  the host name when scanned
 * @param osBuild   the OS build and revision, when known
 */
public record MachineIdentity(String machineId, String hostName, Optional<String> osBuild) {

    /** Checks the components. */
    public MachineIdentity {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(osBuild, "osBuild");
    }
}
