package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every {@code queue} command shares: where the queue comes from and what volume to judge it by. */
final class QueueInputOptions {

    /** Exactly one source of the queue. */
    static final class Source {
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

    /** The rules of the implementation whose boot is simulated. */
    enum Rules {
        /** The Windows session manager. */
        WINDOWS(BootRules.WINDOWS),
        /** Wine's wineboot. */
        WINE(BootRules.WINE);

        private final BootRules rules;

        Rules(BootRules rules) {
            this.rules = rules;
        }

        BootRules rules() {
            return rules;
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Queue source (exactly one):%n")
    Source source;

    @Option(names = "--image", paramLabel = "DIR",
            description = "A mounted Windows volume, or any directory standing for the drive (see --drive): "
                    + "gives file existence and PE versions. Without it versions are unknown.")
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
    Rules rules;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    boolean json() {
        return json;
    }

    Optional<String> image() {
        return Optional.ofNullable(image);
    }
}
