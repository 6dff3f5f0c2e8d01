package dev.patchchain.core.signals;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queue entries that keep a reboot pending for nothing: the source is gone from the volume, or the queue was
 * already there at the last shutdown the hive records ({@code Control\Windows\ShutdownTime}, a FILETIME) because
 * the Session Manager key has not been written since.
 */
final class Zombies {

    static final String WINDOWS_KEY = "Control\\Windows";
    static final String SHUTDOWN_TIME = "ShutdownTime";

    private Zombies() {
    }

    static List<Zombie> find(SignalContext c, List<QueueEntry> entries, VolumeState volume, List<String> notes) {
        List<Zombie> out = new ArrayList<>();
        if (entries.isEmpty()) {
            return out;
        }
        if (volume.isKnown()) {
            for (QueueEntry e : entries) {
                WinPath source = e.operation().sourcePath();
                if (source != null && volume.stat(source) instanceof PathState.Absent) {
                    out.add(new Zombie(e.index(), e.operation(), Zombie.Reason.SOURCE_GONE,
                            source + " does not exist"));
                }
            }
        } else {
            notes.add("no volume: queue sources not checked for existence");
        }
        Optional<Instant> shutdown = c.registry().system().value(c.path(Hive.SYSTEM, WINDOWS_KEY), SHUTDOWN_TIME)
                .flatMap(RegistryValue::fileTime);
        Optional<Instant> written = c.registry().system().lastWritten(c.path(SignalCode.FILE_RENAME_PENDING));
        if (shutdown.isEmpty()) {
            notes.add("no " + WINDOWS_KEY + "\\" + SHUTDOWN_TIME + ": the queue's age is not checked");
        } else if (written.isPresent() && written.get().isBefore(shutdown.get())) {
            String evidence = "Session Manager last written " + written.get() + ", before the last recorded shutdown"
                    + " at " + shutdown.get() + ": if the machine has booted since, that boot did not process it";
            for (QueueEntry e : entries) {
                out.add(new Zombie(e.index(), e.operation(), Zombie.Reason.PREDATES_SHUTDOWN, evidence));
            }
        }
        return out;
    }
}
