package dev.patchchain.cli.queue;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.platform.registry.QueueEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code queue add SRC [DST] [--replace]}: appends one entry where {@code MoveFileEx} would, to
 * {@code PendingFileRenameOperations2} when it exists, else to {@code PendingFileRenameOperations}. Paths get the
 * {@code \??\} prefix; no destination is a delete; {@code --replace} is the {@code !} marker.
 */
final class AddEntryEdit implements QueueEdit {

    private static final String NT_PREFIX = "\\??\\";

    private final String source;
    private final String target;
    private final PathContext context;

    AddEntryEdit(String source, String target, boolean replace, PathContext context) {
        WinPath.parse(source, context);
        this.source = nt(source);
        if (target == null) {
            this.target = "";
        } else {
            WinPath.parse(target, context);
            this.target = (replace ? "!" : "") + nt(target);
        }
        this.context = context;
    }

    @Override
    public Result apply(QueueValues read) {
        PendingQueue queue = EncodedQueue.decode(read, context);
        QueueValueName value = queue.hasValue(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)
                ? QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2 : QueueValueName.PENDING_FILE_RENAME_OPERATIONS;
        List<String> strings = new ArrayList<>(queue.strings(value));
        strings.add(source);
        strings.add(target);
        String what = target.isEmpty() ? "delete " + source : "rename " + source + " -> " + target;
        return new Result(read.with(value, MultiSz.of(strings).encode()),
                List.of("added to " + value.registryName() + ": " + what));
    }

    private static String nt(String path) {
        return path.startsWith(NT_PREFIX) ? path : NT_PREFIX + path;
    }
}
