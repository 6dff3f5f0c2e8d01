package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchchain queue remove INDEX}: drops one entry, with backup and compare-and-swap. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove the entry `queue show` numbers op #INDEX; every other entry keeps its place and "
                + "strings. Backup, compare-and-swap, verification and audit log as for `queue chain --apply` "
                + "(docs/apply.md).")
final class QueueRemoveCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private RegistryTargetOptions target;

    @Parameters(index = "0", paramLabel = "INDEX", description = "The entry, as `queue show` numbers it (op #INDEX).")
    private int index;

    QueueRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        return QueueEditRun.run(context, target, "remove",
                new RemoveEntryEdit(index, QueueLoader.pathContext(target.systemRoot)));
    }
}
