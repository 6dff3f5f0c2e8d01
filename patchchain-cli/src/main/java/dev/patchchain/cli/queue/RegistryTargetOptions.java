package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The options of the commands that edit the queue by hand ({@code queue add}, {@code queue remove}). */
public final class RegistryTargetOptions {

    @Option(names = "--hive", paramLabel = "SYSTEM", description = "An offline SYSTEM hive file to write.")
    String hive;

    @Option(names = "--image", paramLabel = "DIR", description = "A mounted Windows volume: its SYSTEM hive is written.")
    String image;

    @Option(names = "--live", description = "The registry of the running Windows (HKLM, 64-bit view); needs "
            + "administrator rights.")
    boolean live;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "Where --image keeps Windows, and what \\SystemRoot means (default: ${DEFAULT-VALUE}).")
    String systemRoot;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where backups and the audit log go "
            + "(default: beside the hive; %ProgramData%\\patchchain\\backups with --live).")
    String backupDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    RegistryTarget open(CliContext context) throws IOException {
        return RegistryTarget.open(context, hive, image, live, systemRoot, backupDir);
    }
}
