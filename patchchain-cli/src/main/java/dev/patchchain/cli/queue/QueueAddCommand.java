package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchchain queue add SRC [DST] [--replace]}: appends one entry, with backup and compare-and-swap. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Append an entry to the queue, as MoveFileEx with MOVEFILE_DELAY_UNTIL_REBOOT would: rename "
                + "SRC to DST at the next boot, or delete SRC when DST is not given. Backup, compare-and-swap, "
                + "verification and audit log as for `queue chain --apply` (docs/apply.md).")
final class QueueAddCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private RegistryTargetOptions target;

    @Parameters(index = "0", paramLabel = "SRC", description = "The file to rename or delete (C:\\..., \\??\\C:\\...).")
    private String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DST", description = "Where it goes; omitted: delete SRC.")
    private String destination;

    @Option(names = "--replace", description = "Replace DST if it exists (the `!` marker, MOVEFILE_REPLACE_EXISTING).")
    private boolean replace;

    QueueAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (replace && destination == null) {
            throw new UsageException("--replace needs a destination DST");
        }
        return QueueEditRun.run(context, target, "add", new AddEntryEdit(source, destination, replace,
                QueueLoader.pathContext(target.systemRoot)));
    }
}
