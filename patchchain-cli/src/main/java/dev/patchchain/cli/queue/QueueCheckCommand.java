package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.hive.ImagePendingXml;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.formats.FormatException;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        LoadedQueue loaded = withPendingXml(new QueueLoader(context).load(input));
        AnalysisResult result = QueueAnalysis.analyze(loaded.queue(), loaded.volume(), loaded.rules());
        if (input.json()) {
            context.out().println(Json.write(QueueReport.json("queue check", loaded, result)));
        } else {
            context.out().print(QueueReport.checkText(loaded, result));
        }
        return (result.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    /**
     * With an image that has {@code WinSxS\pending.xml}, its file operations join the simulation after the
     * session manager's queue (poqexec runs them in the same boot phase, after the renames); a note says so.
     */
    private LoadedQueue withPendingXml(LoadedQueue loaded) throws IOException {
        if (!(loaded.volume() instanceof ImageVolume image)) {
            return loaded;
        }
        PathContext pathContext = new PathContext(input.systemRoot());
        List<String> notes = new ArrayList<>(loaded.notes());
        List<String> warnings = new ArrayList<>(loaded.inputWarnings());
        Optional<ImagePendingXml> found;
        try {
            found = ImagePendingXml.find(image, pathContext);
        } catch (FormatException e) {
            warnings.add(ImagePendingXml.where(pathContext) + " not read, its operations are not simulated: "
                    + e.getMessage());
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return warnings.size() == loaded.inputWarnings().size() ? loaded : copy(loaded, loaded.queue(), notes, warnings);
        }
        ImagePendingXml px = found.get();
        List<PendingOperation> operations = new ArrayList<>(loaded.queue().operations());
        List<PendingOperation> fromXml = px.xml().toPendingOperations(pathContext);
        operations.addAll(fromXml);
        notes.add(ImagePendingXml.where(pathContext) + " is on the image (" + px.counts() + "): its "
                + fromXml.size() + " move, hardlink and delete operation(s) are simulated after the session "
                + "manager's queue, as the last entries; directory, attribute and registry operations are not");
        px.firstChanges().forEach(change -> notes.add("  " + change));
        return copy(loaded, loaded.queue().withOperations(operations), notes, warnings);
    }

    private static LoadedQueue copy(LoadedQueue loaded, PendingQueue queue, List<String> notes, List<String> warnings) {
        return new LoadedQueue(queue, loaded.queueSource(), loaded.volume(), loaded.volumeSource(), loaded.rules(),
                notes, warnings, loaded.volumeWarnings(), loaded.signatures());
    }
}
