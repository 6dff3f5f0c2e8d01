package dev.patchchain.cli.queue;

import dev.patchchain.cli.UsageException;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.platform.registry.QueueEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code queue remove INDEX}: drops the entry {@code queue show} numbers {@code op #INDEX}; every other entry keeps
 * its place and strings, and a value left empty is deleted.
 */
final class RemoveEntryEdit implements QueueEdit {

    private final int index;
    private final PathContext context;

    RemoveEntryEdit(int index, PathContext context) {
        this.index = index;
        this.context = context;
    }

    @Override
    public Result apply(QueueValues read) {
        PendingQueue queue = EncodedQueue.decode(read, context);
        List<PendingOperation> operations = new ArrayList<>(queue.operations());
        if (index < 0 || index >= operations.size()) {
            throw new UsageException("no op #" + index + ": the queue has " + operations.size() + " entries (op #0.."
                    + (operations.size() - 1) + ", see `patchchain queue show`)");
        }
        PendingOperation removed = operations.remove(index);
        return new Result(EncodedQueue.encode(queue, queue.withOperations(operations)),
                List.of("removed op #" + index + " " + OperationView.describe(removed)));
    }
}
