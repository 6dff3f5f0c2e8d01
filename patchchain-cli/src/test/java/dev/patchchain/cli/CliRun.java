package dev.patchchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.cli.machine.LiveWindowsOpener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs a command line in-process, as the launcher would, and keeps what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Path workingDirectory, String... args) {
        return runWithInput(workingDirectory, "", args);
    }

    static CliRun runWithInput(Path workingDirectory, String stdin, String... args) {
        return run(workingDirectory, stdin, LiveWindowsOpener.RUNNING, args);
    }

    /** With {@code --live} reading the given machine instead of the running Windows. */
    static CliRun runLive(Path workingDirectory, LiveWindowsOpener live, String... args) {
        return run(workingDirectory, "", live, args);
    }

    private static CliRun run(Path workingDirectory, String stdin, LiveWindowsOpener live, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of(), workingDirectory, live);
        int exit = Main.run(context, args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }
}
