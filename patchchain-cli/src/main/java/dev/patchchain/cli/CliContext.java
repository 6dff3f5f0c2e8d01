package dev.patchchain.cli;

import dev.patchchain.cli.machine.LiveWindowsOpener;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in instead of read from statics, so tests run commands
 * in-process: standard streams, the environment, the working directory and the running Windows.
 *
 * @param out         standard output (results)
 * @param err         standard error (progress, warnings, errors)
 * @param in          standard input (for {@code -} as a file name)
 * @param environment environment variables
 * @param workingDirectory what relative paths are relative to
 * @param live             how {@code --live} gets the running Windows
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> environment,
                         Path workingDirectory, LiveWindowsOpener live) {

    /** The running Windows for {@code --live}. */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> environment,
                      Path workingDirectory) {
        this(out, err, in, environment, workingDirectory, LiveWindowsOpener.RUNNING);
    }

    /**
     * @param path a path from the command line
     * @return it resolved against the working directory
     */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
