package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A queue read from one input, the volume to judge it against, and what the user must be told about both.
 *
 * @param queue          the decoded queue
 * @param queueSource    where it came from, for the report (e.g. {@code pending.reg, key HKLM\SYSTEM\...})
 * @param volume         the volume ({@link VolumeState#UNKNOWN} without an image)
 * @param volumeSource   the image, or {@code "none"}
 * @param rules          the boot-time implementation to imitate
 * @param notes          what reading the inputs found odd (choices made, ignored parts)
 * @param volumeWarnings what the volume refused while it was read (other drives, links leaving the image);
 *                       asked for when the report is rendered, after the analysis has read the volume
 */
public record LoadedQueue(PendingQueue queue, String queueSource, VolumeState volume, String volumeSource,
                          BootRules rules, List<String> notes, Supplier<List<String>> volumeWarnings) {

    /** Copies the list and checks the components. */
    public LoadedQueue {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queueSource, "queueSource");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(volumeSource, "volumeSource");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(volumeWarnings, "volumeWarnings");
        notes = List.copyOf(notes);
    }

    /** @return the input notes followed by the volume's warnings so far */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(volumeWarnings.get());
        return all;
    }
}
