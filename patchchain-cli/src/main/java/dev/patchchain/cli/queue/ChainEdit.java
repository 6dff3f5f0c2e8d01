package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.chain.ChainChange;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.platform.registry.QueueEdit;
import java.util.List;

/** {@code queue chain --apply}: the chainer on the values as read; keeps the last result for the report. */
final class ChainEdit implements QueueEdit {

    private final BootRules rules;
    private final VolumeState volume;
    private final PathContext context;
    private ChainResult last;

    ChainEdit(BootRules rules, VolumeState volume, PathContext context) {
        this.rules = rules;
        this.volume = volume;
        this.context = context;
    }

    @Override
    public Result apply(QueueValues read) {
        PendingQueue queue = EncodedQueue.decode(read, context);
        last = new Chainer(rules).chain(queue, volume);
        List<String> changes = last.changes().stream().map(ChainEdit::describe).toList();
        return new Result(EncodedQueue.encode(queue, last.chained()), changes);
    }

    /** @return the chain computed on the last read */
    ChainResult result() {
        return last;
    }

    private static String describe(ChainChange c) {
        return "op #" + c.index() + " " + OperationView.describe(c.before()) + " -> "
                + OperationView.describe(c.after()) + ": " + c.reason();
    }
}
