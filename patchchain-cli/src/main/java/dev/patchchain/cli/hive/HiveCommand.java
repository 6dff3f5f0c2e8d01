package dev.patchchain.cli.hive;

import dev.patchchain.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchchain hive}: read offline registry hives (regf), with their transaction logs. */
@Command(name = "hive", mixinStandardHelpOptions = true,
        description = "Read offline registry hive files: export to .reg, get a key or a value.",
        subcommands = {HiveExportCommand.class, HiveGetCommand.class})
public final class HiveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
