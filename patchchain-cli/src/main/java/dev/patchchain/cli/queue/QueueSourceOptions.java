package dev.patchchain.cli.queue;

import picocli.CommandLine.Option;

/**
 * Where a pending queue comes from: one of a {@code .reg} export, saved {@code reg query} output, an offline
 * SYSTEM hive or a JSON queue. Without one, {@code --image} reads the image's own SYSTEM hive.
 */
public final class QueueSourceOptions {

    @Option(names = "--reg", paramLabel = "FILE",
            description = "A .reg export (regedit, reg export) holding the Session Manager key.")
    String reg;

    @Option(names = "--reg-query", paramLabel = "FILE|-",
            description = "Saved output of `reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\"` "
                    + "('-' reads standard input).")
    String regQuery;

    @Option(names = "--hive", paramLabel = "SYSTEM",
            description = "An offline SYSTEM hive file; its transaction logs (SYSTEM.LOG1, .LOG2) are used when "
                    + "they sit beside it. The current control set's queue is read.")
    String hive;

    @Option(names = "--json-queue", paramLabel = "FILE",
            description = "A queue in patchchain's JSON queue format (docs/formats/json-queue.md); "
                    + "it may carry a volume description too.")
    String jsonQueue;
}
