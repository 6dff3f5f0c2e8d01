package dev.patchchain.cli.queue;

import picocli.CommandLine.Option;

/**
 * Where a pending queue comes from: one of a {@code .reg} export, saved {@code reg query} output or a JSON queue.
 * {@code queue} commands require exactly one; {@code verify} takes at most one.
 */
public final class QueueSourceOptions {

    @Option(names = "--reg", paramLabel = "FILE",
            description = "A .reg export (regedit, reg export) holding the Session Manager key.")
    String reg;

    @Option(names = "--reg-query", paramLabel = "FILE|-",
            description = "Saved output of `reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\"` "
                    + "('-' reads standard input).")
    String regQuery;

    @Option(names = "--json-queue", paramLabel = "FILE",
            description = "A queue in patchchain's JSON queue format (docs/formats/json-queue.md); "
                    + "it may carry a volume description too.")
    String jsonQueue;
}
