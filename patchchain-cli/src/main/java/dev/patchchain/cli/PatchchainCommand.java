package dev.patchchain.cli;

import dev.patchchain.cli.demo.DemoCommand;
import dev.patchchain.cli.hive.HiveCommand;
import dev.patchchain.cli.fleet.IngestCommand;
import dev.patchchain.cli.fleet.ReportCommand;
import dev.patchchain.cli.fleet.ScanCommand;
import dev.patchchain.cli.fleet.ServeCommand;
import dev.patchchain.cli.pe.FileVersionCommand;
import dev.patchchain.cli.plan.PlanCommand;
import dev.patchchain.cli.queue.QueueCommand;
import dev.patchchain.cli.signals.SignalsCommand;
import dev.patchchain.cli.verify.VerifyCommand;
import dev.patchchain.cli.sign.SignatureCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchchain}: the root of the command tree. Without a subcommand it prints usage and exits 2. */
@Command(name = "patchchain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Makes Windows patching without a reboot in between safe: decodes the pending file rename "
                + "queue, simulates the next boot, finds downgrades and chains the queue so the newest version wins.",
        subcommands = {QueueCommand.class, VerifyCommand.class, SignalsCommand.class, HiveCommand.class,
                PlanCommand.class, FileVersionCommand.class, SignatureCommand.class, DemoCommand.class, ScanCommand.class,
                IngestCommand.class, ReportCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
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
