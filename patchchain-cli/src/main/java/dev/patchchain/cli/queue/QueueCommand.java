package dev.patchchain.cli.queue;

import dev.patchchain.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchchain queue}: the pending file rename queue (show, check, chain; add and remove by hand). */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Decode, check and chain the pending file rename queue; apply the chain or edit it by hand.",
        subcommands = {QueueShowCommand.class, QueueCheckCommand.class, QueueChainCommand.class, QueueAddCommand.class,
            QueueRemoveCommand.class})
public final class QueueCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
