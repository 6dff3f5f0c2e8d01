package dev.patchchain.formats.json;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code patchchain-queue} JSON document holds: the queue, optionally the volume it runs against, and
 * optionally the system root its {@code \SystemRoot} paths mean.
 *
 * <pre>{@code
 * JsonQueueDocument doc = JsonQueueFormat.read(bytes, "queue.json");
 * BootSimulator.run(doc.queue(), doc.volume().orElseThrow(), doc.context());
 * }</pre>
 *
 * @param queue      the pending queue
 * @param volume     files and directories, if the document lists any
 * @param systemRoot the {@code systemRoot} field, if present
 */
public record JsonQueueDocument(PendingQueue queue, Optional<InMemoryVolume> volume, Optional<WinPath> systemRoot) {

    /** Requires every component. */
    public JsonQueueDocument {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(systemRoot, "systemRoot");
    }

    /**
     * @param queue the pending queue
     * @return a document with only a queue
     */
    public static JsonQueueDocument of(PendingQueue queue) {
        return new JsonQueueDocument(queue, Optional.empty(), Optional.empty());
    }

    /** @return the path context: the document's system root, or {@link PathContext#DEFAULT} */
    public PathContext context() {
        return systemRoot.map(PathContext::new).orElse(PathContext.DEFAULT);
    }
}
