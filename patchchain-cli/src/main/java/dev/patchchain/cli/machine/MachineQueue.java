package dev.patchchain.cli.machine;

import dev.patchchain.cli.queue.LoadedQueue;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.registry.SessionManagerQueue;
import dev.patchchain.core.verify.SignaturePolicy;
import dev.patchchain.formats.FormatException;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pending queue of a machine's SYSTEM hive, read through its registry view (how {@code --live} gets the queue),
 * with the machine's volume to judge it against.
 *
 * <pre>{@code
 * LoadedQueue loaded = MachineQueue.load(new LiveMachine(live), BootRules.WINDOWS);
 * }</pre>
 */
public final class MachineQueue {

    private MachineQueue() {
    }

    /**
     * @param machine the machine
     * @param rules   whose boot to simulate
     * @return the queue of the current control set and the machine's volume
     * @throws IOException     if the hive cannot be read
     * @throws FormatException if there is no SYSTEM hive or it has no {@code Select\Current}
     */
    public static LoadedQueue load(MachineSource machine, BootRules rules) throws IOException {
        return load(machine, rules, SignaturePolicy.IGNORED);
    }

    /**
     * @param machine    the machine
     * @param rules      whose boot to simulate
     * @param signatures whether files must also be validly signed ({@code verify --signatures})
     * @return the queue of the current control set and the machine's volume
     * @throws IOException     if the hive cannot be read
     * @throws FormatException if there is no SYSTEM hive or it has no {@code Select\Current}
     */
    public static LoadedQueue load(MachineSource machine, BootRules rules, SignaturePolicy signatures)
            throws IOException {
        MachineHive system = machine.system().orElseThrow(() -> new FormatException(
                FormatException.Kind.NOT_THIS_FORMAT, machine.volumeName(), -1, "no SYSTEM hive to read the queue from"));
        SessionManagerQueue read = SessionManagerQueue.read(system.view(), machine.pathContext()).orElseThrow(() ->
                new FormatException(FormatException.Kind.NOT_THIS_FORMAT, system.name(), -1,
                        "no Select\\Current: not a SYSTEM hive"));
        Supplier<List<String>> volumeWarnings = machine.volume() instanceof ImageVolume v ? v::warnings : List::of;
        return new LoadedQueue(read.queue(), system.name() + ", " + read.controlSet() + "\\"
                + SessionManagerQueue.SESSION_MANAGER, machine.volume(), machine.volumeName(), rules, read.notes(),
                machine.warnings(), volumeWarnings, signatures);
    }
}
