package dev.patchchain.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.Main;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.cli.render.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code patchchain demo}: builds a small image and a queue that reproduce the classic case (on disk 0.1, fix #1
 * queues 0.3, fix #2 queues 0.2), then runs {@code queue check} (the downgrade), {@code queue chain} and
 * {@code queue check} again (clean), exactly as a user would, and says where everything is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Reproduce the classic lost update (two fixes, no reboot in between) in a temporary image, "
                + "find it, chain the queue, and check again. Exit 0 when the demo shows what it should.")
public final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to create the demo (an empty or new directory; default: a new temporary directory).")
    private String dir;

    @Option(names = "--json", description = "Print JSON: the steps, their exit codes and their JSON output.")
    private boolean json;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path root = prepare();
        Path image = root.resolve("image");
        Path pending = root.resolve("pending.reg");
        Path chained = root.resolve("chained.reg");
        QueueFileWriter writer = new QueueFileWriter(false);
        writer.writeReg(pending, DemoImage.create(image));

        List<Step> steps = List.of(
                new Step("1. Check the queue the two fixes left: the older 0.2 would overwrite 0.3 at the next boot.",
                        1, "queue", "check", "--reg", pending.toString(), "--image", image.toString()),
                new Step("2. Chain it (QChain): the newest version of every file wins; write the result as .reg.",
                        0, "queue", "chain", "--reg", pending.toString(), "--image", image.toString(),
                        "--out", chained.toString()),
                new Step("3. Check the chained queue: one reboot now installs 0.3.",
                        0, "queue", "check", "--reg", chained.toString(), "--image", image.toString()));

        if (!json) {
            context.out().println("patchchain demo: two fixes installed without a reboot in between, in " + root);
            context.out().println("  image (drive C:): " + image);
            context.out().println("  on disk:  " + DemoImage.FILE_A + " 0.1.0.0");
            context.out().println("  fix #1 (KB0000001) queued " + DemoImage.FILE_A + " 0.3.0.0");
            context.out().println("  fix #2 (KB0000002) saw 0.1 on disk and queued 0.2.0.0 after it, plus "
                    + DemoImage.FILE_B);
            context.out().println("  queue:    " + pending);
        }
        ArrayNode results = Json.array();
        boolean asExpected = true;
        for (Step step : steps) {
            int code = json ? runCaptured(step, results) : runShown(step);
            asExpected &= code == step.expectedExit();
        }
        if (json) {
            ObjectNode root2 = Json.object();
            root2.put("command", "demo");
            root2.put("directory", root.toString());
            root2.put("image", image.toString());
            root2.put("queue", pending.toString());
            root2.put("chained_queue", chained.toString());
            root2.set("steps", results);
            root2.put("as_expected", asExpected);
            context.out().println(Json.write(root2));
        } else {
            context.out().println();
            context.out().println(asExpected
                    ? "Done: the downgrade was found, the chained queue is clean. Files kept in " + root
                    : "The demo did not go as expected (see the exit codes above). Files kept in " + root);
        }
        return (asExpected ? ExitCode.CLEAN : ExitCode.FAILURE).code();
    }

    private Path prepare() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("patchchain-demo-");
        }
        Path root = context.resolve(dir);
        Files.createDirectories(root);
        try (var entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw new dev.patchchain.cli.UsageException("--dir " + root + " is not empty; give a new or empty directory");
            }
        }
        return root;
    }

    private int runShown(Step step) {
        context.out().println();
        context.out().println(step.title());
        context.out().println("$ patchchain " + String.join(" ", step.args()));
        context.out().flush();
        int code = Main.run(context, step.args().toArray(String[]::new));
        context.out().println("(exit code " + code + ", expected " + step.expectedExit() + ")");
        return code;
    }

    private int runCaptured(Step step, ArrayNode results) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext captured = new CliContext(new PrintWriter(out), new PrintWriter(err), context.in(),
                context.environment(), context.workingDirectory(), context.live());
        List<String> args = new ArrayList<>(step.args());
        args.add("--json");
        int code = Main.run(captured, args.toArray(String[]::new));
        ObjectNode result = results.addObject();
        result.put("title", step.title());
        result.set("args", Json.strings(step.args()));
        result.put("exit_code", code);
        result.put("expected_exit_code", step.expectedExit());
        result.set("output", new ObjectMapper().readTree(out.toString()));
        if (!err.toString().isEmpty()) {
            result.put("stderr", err.toString());
        }
        return code;
    }

    /** One command the demo runs, and the exit code that shows it worked. */
    private record Step(String title, int expectedExit, List<String> args) {
        Step(String title, int expectedExit, String... args) {
            this(title, expectedExit, List.of(args));
        }
    }
}
