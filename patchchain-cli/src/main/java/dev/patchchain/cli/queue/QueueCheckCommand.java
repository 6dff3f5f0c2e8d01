package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchchain queue check}: simulates the next boot and reports downgrades and broken entries. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Simulate the next boot against the volume and report findings. "
                + "Exit 1 if any finding needs attention (medium or high severity).")
final class QueueCheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private QueueInputOptions input;

    QueueCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        LoadedQueue loaded = new QueueLoader(context).load(input);
        AnalysisResult result = QueueAnalysis.analyze(loaded.queue(), loaded.volume(), loaded.rules());
        if (input.json()) {
            context.out().println(Json.write(QueueReport.json("queue check", loaded, result)));
        } else {
            context.out().print(QueueReport.checkText(loaded, result));
        }
        return (result.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }
}
