package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.verify.SignaturePolicy;
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
 * @param notes          how the inputs were read (choices made: which control set, which logs)
 * @param inputWarnings  what is wrong with the inputs (a dirty hive without logs, damaged parts skipped)
 * @param volumeWarnings what the volume refused while it was read (other drives, links leaving the image);
 *                       asked for when the report is rendered, after the analysis has read the volume
 * @param signatures     whether the volume's files carry signer facts ({@code --signatures}) and how many catalogs
 *                       of the image they were looked up in
 */
public record LoadedQueue(PendingQueue queue, String queueSource, VolumeState volume, String volumeSource,
                          BootRules rules, List<String> notes, List<String> inputWarnings,
                          Supplier<List<String>> volumeWarnings, SignaturePolicy signatures) {

    /** Copies the list and checks the components. */
    public LoadedQueue {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queueSource, "queueSource");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(volumeSource, "volumeSource");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(volumeWarnings, "volumeWarnings");
        Objects.requireNonNull(signatures, "signatures");
        notes = List.copyOf(notes);
        inputWarnings = List.copyOf(inputWarnings);
    }

    /** @return the input warnings followed by the volume's warnings so far */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(inputWarnings);
        all.addAll(volumeWarnings.get());
        return all;
    }
}
