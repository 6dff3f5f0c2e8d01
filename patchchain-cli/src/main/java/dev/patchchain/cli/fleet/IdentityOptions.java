package dev.patchchain.cli.fleet;

import dev.patchchain.cli.UsageException;
import dev.patchchain.fleet.snapshot.MachineIdentity;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code scan}'s machine identity options. Each one given wins over what the machine's hives say
 * ({@link HiveIdentity}); the machine id falls back to the host name and the host name to the machine id.
 */
final class IdentityOptions {

    @Option(names = "--machine-id", paramLabel = "ID",
            description = "The machine's stable id; with the scan id it makes re-posting harmless (default: the "
                    + "MachineGuid of the SOFTWARE hive (--image, --hive-software or --live), else the host name).")
    String machineId;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The host name (default: the computer name of the SYSTEM hive, else the machine id).")
    String host;

    @Option(names = "--os-build", paramLabel = "BUILD",
            description = "The OS build and revision, e.g. 19045.6218 (default: CurrentBuild.UBR of the "
                    + "SOFTWARE hive).")
    String osBuild;

    /**
     * @param hives what the hives say
     * @return the identity
     * @throws UsageException if neither the options nor the hives name the machine
     */
    MachineIdentity resolve(HiveIdentity hives) {
        Optional<String> id = Optional.ofNullable(machineId).or(hives::machineGuid);
        Optional<String> name = Optional.ofNullable(host).or(hives::computerName);
        if (id.isEmpty() && name.isEmpty()) {
            throw new UsageException("give --machine-id ID (MachineGuid) or --host NAME, or an --image (or --live) "
                    + "whose hives name the machine: a snapshot names its machine");
        }
        return new MachineIdentity(id.or(() -> name).orElseThrow(), name.or(() -> id).orElseThrow(),
                Optional.ofNullable(osBuild).or(hives::osBuild));
    }
}
