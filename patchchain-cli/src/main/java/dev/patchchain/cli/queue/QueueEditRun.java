package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
import dev.patchchain.platform.registry.ApplyOptions;
import dev.patchchain.platform.registry.ApplyOutcome;
import dev.patchchain.platform.registry.QueueEdit;
import dev.patchchain.platform.registry.SafeQueueWrite;
import java.io.IOException;

/** Runs a hand edit ({@code queue add}, {@code queue remove}) through the safe write sequence and prints it. */
final class QueueEditRun {

    private QueueEditRun() {
    }

    static int run(CliContext context, RegistryTargetOptions options, String command, QueueEdit edit)
            throws IOException {
        RegistryTarget target = options.open(context);
        ApplyOptions applyOptions = target.options(context, command);
        String location = target.registry().location();
        ApplyOutcome outcome = new SafeQueueWrite(target.registry(), applyOptions).run(edit);
        if (options.json) {
            context.out().println(Json.write(ApplyReport.json("queue " + command, location, outcome, applyOptions)));
        } else {
            context.out().print(ApplyReport.text(location, outcome, applyOptions));
        }
        return ExitCode.CLEAN.code();
    }
}
