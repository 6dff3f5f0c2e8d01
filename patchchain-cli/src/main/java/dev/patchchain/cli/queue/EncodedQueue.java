package dev.patchchain.cli.queue;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.QueueValues;
import java.util.Arrays;

/** Between the registry's bytes and the decoded queue, for the edits of the writing commands. */
final class EncodedQueue {

    private EncodedQueue() {
    }

    static PendingQueue decode(QueueValues values, PathContext context) {
        return PendingQueue.decode(values.first(), values.second(), context);
    }

    /**
     * The bytes of an edited queue: an unchanged value keeps its exact bytes; a changed value left without a
     * string is deleted rather than written empty (the session manager ignores both; absent is what it leaves).
     */
    static QueueValues encode(PendingQueue before, PendingQueue after) {
        QueueValues values = QueueValues.ABSENT;
        for (QueueValueName name : QueueValueName.values()) {
            byte[] data = after.encode(name).orElse(null);
            boolean changed = !Arrays.equals(data, before.encode(name).orElse(null));
            if (changed && after.strings(name).isEmpty()) {
                data = null;
            }
            values = values.with(name, data);
        }
        return values;
    }
}
