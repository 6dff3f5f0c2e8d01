package dev.patchchain.cli;

import dev.patchchain.cli.demo.DemoCommand;
import dev.patchchain.cli.fleet.IngestCommand;
import dev.patchchain.cli.fleet.ReportCommand;
import dev.patchchain.cli.fleet.ScanCommand;
import dev.patchchain.cli.fleet.ServeCommand;
import dev.patchchain.cli.hive.HiveCommand;
import dev.patchchain.cli.pe.FileVersionCommand;
import dev.patchchain.cli.plan.PlanCommand;
import dev.patchchain.cli.queue.QueueCommand;
import dev.patchchain.cli.sign.SignatureCommand;
import dev.patchchain.cli.signals.SignalsCommand;
import dev.patchchain.cli.verify.VerifyCommand;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The top-level subcommands of {@link PatchchainCommand}, in the order help lists them. Building picocli's model of
 * a command loads its classes and those of every option type, so {@link #register} builds only the command the
 * first argument names, and of a group ({@code queue}, {@code hive}) only the subcommand the second one names;
 * help, {@code --version} and unknown names get the whole tree (or group), and with it the same usage text and
 * errors.
 */
final class CommandRegistry {

    /** The names as the commands' {@code @Command(name)} spell them, in help order ({@code help} last). */
    static final List<String> NAMES = List.of("queue", "verify", "signals", "hive", "plan", "file-version",
            "signature", "demo", "scan", "ingest", "report", "serve", "help");

    private CommandRegistry() {
    }

    /**
     * Adds to {@code root} the subcommand named by the first argument, or every subcommand when the first argument
     * names none (or is {@code help}, which needs the others to describe them).
     *
     * @param root the {@code patchchain} command line
     * @param args the arguments
     */
    static void register(CommandLine root, String... args) {
        Optional<Class<?>> named = args.length == 0 ? Optional.empty() : type(args[0]);
        if (named.isPresent()) {
            root.addSubcommand(command(root, named.get(), args.length > 1 ? args[1] : ""));
            return;
        }
        for (String name : NAMES) {
            root.addSubcommand(name.equals("help") ? CommandLine.HelpCommand.class
                    : command(root, type(name).orElseThrow(), ""));
        }
    }

    /**
     * @return the command of {@code type}; for a group ({@code queue}, {@code hive}), with the subcommand {@code next}
     *         names, or with all of them when it names none
     */
    private static Object command(CommandLine root, Class<?> type, String next) {
        List<String> children = type == QueueCommand.class ? QueueCommand.SUBCOMMANDS
                : type == HiveCommand.class ? HiveCommand.SUBCOMMANDS : List.of();
        if (children.isEmpty()) {
            return type;
        }
        CommandLine group = new CommandLine(type, root.getFactory());
        Optional<Class<?>> named = subcommand(type, next);
        if (named.isPresent()) {
            group.addSubcommand(named.get());
        } else {
            for (String child : children) {
                group.addSubcommand(subcommand(type, child).orElseThrow());
            }
        }
        return group;
    }

    private static Optional<Class<?>> subcommand(Class<?> group, String name) {
        return group == QueueCommand.class ? QueueCommand.subcommand(name) : HiveCommand.subcommand(name);
    }

    /**
     * @param name a first argument
     * @return the class of the command of that name, loaded only now; empty for {@code help} and unknown names
     */
    static Optional<Class<?>> type(String name) {
        return Optional.<Class<?>>ofNullable(switch (name) {
            case "queue" -> QueueCommand.class;
            case "verify" -> VerifyCommand.class;
            case "signals" -> SignalsCommand.class;
            case "hive" -> HiveCommand.class;
            case "plan" -> PlanCommand.class;
            case "file-version" -> FileVersionCommand.class;
            case "signature" -> SignatureCommand.class;
            case "demo" -> DemoCommand.class;
            case "scan" -> ScanCommand.class;
            case "ingest" -> IngestCommand.class;
            case "report" -> ReportCommand.class;
            case "serve" -> ServeCommand.class;
            default -> null;
        });
    }
}
