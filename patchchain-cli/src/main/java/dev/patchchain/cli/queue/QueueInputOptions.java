package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.path.WinPath;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every {@code queue} command shares: where the queue comes from and what volume to judge it by. */
public final class QueueInputOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1",
            heading = "Queue source (one; without it, --image reads the image's own SYSTEM hive):%n")
    QueueSourceOptions source;

    @Option(names = "--image", paramLabel = "DIR",
            description = "A mounted Windows volume, or any directory standing for the drive (see --drive): "
                    + "gives file existence and PE versions (without it versions are unknown), and, when no other "
                    + "source is given, the queue from Windows\\System32\\config\\SYSTEM.")
    String image;

    @Option(names = "--signatures",
            description = "With --image: also read each file's signer (inline Authenticode signature, else the "
                    + "image's CatRoot catalogs) for the SIGNER_CHANGED and UNSIGNED_REPLACEMENT findings. Hashes "
                    + "every file it looks at. See docs/trust.md.")
    boolean signatures;

    @Option(names = "--trust-store", paramLabel = "FILE|DIR",
            description = "With --signatures: PEM or DER certificates (a file, or a directory of them) signature "
                    + "chains must lead to. Default: none, signatures are checked but chains are not validated.")
    String trustStore;

    @Option(names = "--drive", paramLabel = "LETTER", defaultValue = "C",
            description = "The drive letter --image stands for (default: ${DEFAULT-VALUE}).")
    char drive;

    @Option(names = "--system-root", paramLabel = "PATH", defaultValue = "C:\\Windows",
            description = "What \\SystemRoot means in queue paths (default: ${DEFAULT-VALUE}).")
    String systemRoot;

    @Option(names = "--rules", paramLabel = "windows|wine", defaultValue = "windows",
            description = "Whose boot-time rules to simulate: the Windows session manager or Wine's wineboot "
                    + "(default: ${DEFAULT-VALUE}).")
    RulesOption rules;

    @Option(names = "--lenient",
            description = "Read a damaged hive as far as possible: skip broken structures and report each.")
    boolean lenient;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    boolean json() {
        return json;
    }

    Optional<String> image() {
        return Optional.ofNullable(image);
    }

    /** @return the {@code --hive} file as given, if that is the queue source */
    public Optional<String> hive() {
        return Optional.ofNullable(source).map(s -> s.hive);
    }

    /** @return {@code --system-root}, already checked by {@link QueueLoader} */
    public WinPath systemRoot() {
        return WinPath.parse(systemRoot, null);
    }

    /** @return true if a queue source, {@code --image}, {@code --signatures} or {@code --trust-store} is given */
    public boolean offlineInputGiven() {
        return source != null || image != null || signatures || trustStore != null;
    }

    /** @return whose boot to simulate ({@code --rules}) */
    public BootRules bootRules() {
        return rules.rules();
    }

    /** @return true with {@code --lenient} */
    public boolean lenient() {
        return lenient;
    }
}
