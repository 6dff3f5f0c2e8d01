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
 * first argument names; help, {@code --version} and unknown names get the whole tree, and with it the same usage
 * text and errors.
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
            root.addSubcommand(named.get());
            return;
        }
        for (String name : NAMES) {
            root.addSubcommand(name.equals("help") ? CommandLine.HelpCommand.class : type(name).orElseThrow());
        }
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
