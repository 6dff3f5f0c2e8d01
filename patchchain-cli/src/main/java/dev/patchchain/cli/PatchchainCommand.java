package dev.patchchain.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code patchchain}: the root of the command tree (its subcommands come from {@link CommandRegistry}). Without a
 * subcommand it prints usage and exits 2.
 */
@Command(name = "patchchain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Makes Windows patching without a reboot in between safe: decodes the pending file rename "
                + "queue, simulates the next boot, finds downgrades and chains the queue so the newest version wins.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:findings (e.g. a downgrade)", "2:usage or input error",
                "3:I/O or internal failure"})
public final class PatchchainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
