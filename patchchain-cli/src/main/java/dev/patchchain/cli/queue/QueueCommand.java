package dev.patchchain.cli.queue;

import dev.patchchain.cli.ExitCode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchchain queue}: the pending file rename queue (show, check, chain; add and remove by hand). */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Decode, check and chain the pending file rename queue; apply the chain or edit it by hand.")
public final class QueueCommand implements Callable<Integer> {

    /** The subcommands' names, in help order; the CLI's registry adds only the one a command line names. */
    public static final List<String> SUBCOMMANDS = List.of("show", "check", "chain", "add", "remove");

    @Spec
    private CommandSpec spec;

    /**
     * @param name a subcommand name
     * @return the class of that subcommand, loaded only now; empty for other names
     */
    public static Optional<Class<?>> subcommand(String name) {
        return Optional.<Class<?>>ofNullable(switch (name) {
            case "show" -> QueueShowCommand.class;
            case "check" -> QueueCheckCommand.class;
            case "chain" -> QueueChainCommand.class;
            case "add" -> QueueAddCommand.class;
            case "remove" -> QueueRemoveCommand.class;
            default -> null;
        });
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
