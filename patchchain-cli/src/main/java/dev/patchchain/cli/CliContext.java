package dev.patchchain.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in instead of read from statics, so tests run commands
 * in-process: standard streams, the environment and the working directory.
 *
 * @param out         standard output (results)
 * @param err         standard error (progress, warnings, errors)
 * @param in          standard input (for {@code -} as a file name)
 * @param environment environment variables
 * @param workingDirectory what relative paths are relative to
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> environment,
                         Path workingDirectory) {

    /**
     * @param path a path from the command line
     * @return it resolved against the working directory
     */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
