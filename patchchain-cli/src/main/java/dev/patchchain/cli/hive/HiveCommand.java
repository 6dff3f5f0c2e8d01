package dev.patchchain.cli.hive;

import dev.patchchain.cli.ExitCode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchchain hive}: read offline registry hives (regf), with their transaction logs. */
@Command(name = "hive", mixinStandardHelpOptions = true,
        description = "Read offline registry hive files: export to .reg, get a key or a value.")
public final class HiveCommand implements Callable<Integer> {

    /** The subcommands' names, in help order; the CLI's registry adds only the one a command line names. */
    public static final List<String> SUBCOMMANDS = List.of("export", "get");

    @Spec
    private CommandSpec spec;

    /**
     * @param name a subcommand name
     * @return the class of that subcommand, loaded only now; empty for other names
     */
    public static Optional<Class<?>> subcommand(String name) {
        return Optional.<Class<?>>ofNullable(switch (name) {
            case "export" -> HiveExportCommand.class;
            case "get" -> HiveGetCommand.class;
            default -> null;
        });
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
