package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.chain.Chainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code patchchain queue chain}: QChain. Rewrites the queue so the newest version of every file wins, shows the
 * diff, and writes the new queue to a file when asked. It never touches a registry.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Rewrite the queue so that for every target the newest version wins; print the diff. "
                + "Writes nothing unless --out or --out-json is given. "
                + "Exit 1 if the chained queue still has findings that need attention.")
final class QueueChainCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private QueueInputOptions input;

    @Option(names = "--out", paramLabel = "FILE.reg",
            description = "Write the chained queue as a .reg file (UTF-16LE, as regedit writes) for `reg import`.")
    private String outReg;

    @Option(names = "--out-json", paramLabel = "FILE", description = "Write the chained queue in the JSON queue format.")
    private String outJson;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    private boolean force;

    QueueChainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        LoadedQueue loaded = new QueueLoader(context).load(input);
        AnalysisResult before = QueueAnalysis.analyze(loaded.queue(), loaded.volume(), loaded.rules());
        ChainResult chain = new Chainer(loaded.rules()).chain(loaded.queue(), loaded.volume(), before.boot());
        AnalysisResult after = QueueAnalysis.analyze(chain.chained(), loaded.volume(), loaded.rules());

        List<String> written = new ArrayList<>();
        QueueFileWriter writer = new QueueFileWriter(force);
        if (outReg != null) {
            Path file = context.resolve(outReg);
            writer.writeReg(file, chain.chained());
            written.add("Wrote " + file + ": import it as administrator with `reg import " + file.getFileName()
                    + "`, then reboot once.");
        }
        if (outJson != null) {
            Path file = context.resolve(outJson);
            writer.writeJson(file, chain.chained(), loaded);
            written.add("Wrote " + file + " (JSON queue format).");
        }
        if (written.isEmpty()) {
            written.add("Dry run: nothing written (--out FILE.reg or --out-json FILE writes the chained queue).");
        }
        String writtenText = String.join("\n", written);
        if (input.json()) {
            context.out().println(Json.write(ChainReport.json(loaded, chain, before, after, writtenText)));
        } else {
            context.out().print(ChainReport.text(loaded, chain, before, after, writtenText));
        }
        return (after.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }
}
