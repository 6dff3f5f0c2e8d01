package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import java.util.Objects;

/**
 * A queue read from one input, the volume to judge it against, and what the user must be told about both.
 *
 * @param queue        the decoded queue
 * @param queueSource  where it came from, for the report (e.g. {@code demo.reg, key HKLM\SYSTEM\...})
 * @param volume       the volume ({@link VolumeState#UNKNOWN} without an image)
 * @param volumeSource the image, or {@code "none"}
 * @param rules        the boot-time implementation to imitate
 * @param warnings     anything odd about the inputs (choices made, paths not followed, dirty hive, ...)
 */
public record LoadedQueue(PendingQueue queue, String queueSource, VolumeState volume, String volumeSource,
                          BootRules rules, List<String> warnings) {

    /** Copies the list and checks the components. */
    public LoadedQueue {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queueSource, "queueSource");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(volumeSource, "volumeSource");
        Objects.requireNonNull(rules, "rules");
        warnings = List.copyOf(warnings);
    }
}
