package dev.patchchain.cli.machine;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.volume.VolumeState;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One machine as the reading commands see it: its SYSTEM and SOFTWARE hives (either may be missing), the volume its
 * files are on, and what {@code \SystemRoot} means there. Closing it releases the hives it opened.
 *
 * <pre>{@code
 * try (MachineSource machine = HiveFileMachine.image(volume, pathContext, RegfOptions.STRICT)) {
 *     SignalScan.evaluate(machine, Set.of());
 * }
 * }</pre>
 */
public interface MachineSource extends Closeable {

    /**
     * @return the SYSTEM hive, if the machine has one
     * @throws IOException if it cannot be opened
     */
    Optional<MachineHive> system() throws IOException;

    /**
     * @return the SOFTWARE hive, if the machine has one
     * @throws IOException if it cannot be opened
     */
    Optional<MachineHive> software() throws IOException;

    /** @return where the machine's files are checked ({@link VolumeState#UNKNOWN} for nowhere) */
    VolumeState volume();

    /** @return the volume for reports, e.g. {@code /img (drive C:)}, or {@code none} */
    String volumeName();

    /** @return what {@code \SystemRoot} means on this machine */
    PathContext pathContext();

    /** @return what the hive readers tolerated (lenient reading, a dirty hive without logs) */
    List<String> warnings();
}
