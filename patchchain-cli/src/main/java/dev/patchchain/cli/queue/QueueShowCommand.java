package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchchain queue show}: the decoded queue, one line per entry, with what is on disk now. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Decode the queue and list its entries in boot order. Exit 0 unless the input is bad.")
final class QueueShowCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private QueueInputOptions input;

    QueueShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        LoadedQueue loaded = new QueueLoader(context).load(input);
        if (input.json()) {
            context.out().println(Json.write(QueueReport.json("queue show", loaded, null)));
        } else {
            context.out().print(QueueReport.showText(loaded));
        }
        return ExitCode.CLEAN.code();
    }
}
