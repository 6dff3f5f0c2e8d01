package dev.patchchain.cli.hive;

import dev.patchchain.cli.CliContext;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every {@code hive} command needs: the file, how strictly to read it, whether to use its logs. */
final class HiveOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file (its .LOG1/.LOG2 beside it are used).")
    String file;

    @Option(names = "--lenient", description = "Skip damaged structures and report each as a warning.")
    boolean lenient;

    @Option(names = "--no-logs", description = "Do not replay transaction logs, even for a dirty hive.")
    boolean noLogs;

    RegfHive open(CliContext context) throws IOException {
        RegfOptions options = lenient ? RegfOptions.LENIENT : RegfOptions.STRICT;
        return RegfHive.open(context.resolve(file), noLogs ? options.withoutLogs() : options);
    }

    /** Prints the reader's warnings (dirty hive, skipped structures) on standard error. */
    static void warn(RegfHive hive, PrintWriter err) {
        hive.warnings().forEach(w -> err.println("patchchain: warning: " + w));
        err.flush();
    }
}
