package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotException;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.IngestOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchchain ingest}: snapshot files into the fleet store; a bad one is reported and the others go in. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store snapshot files (and every *.json below a directory) in the fleet store.",
                "Idempotent: a snapshot already stored (same machine id and scan id) is counted as a duplicate.",
                "A bad snapshot is reported on stderr with its reason; the others still go in.",
                "Exit 0 all stored, 2 some rejected, 3 the store failed."})
public final class IngestCommand implements Callable<Integer> {

    private static final int BATCH = 500;

    private final CliContext context;

    @Mixin
    private StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Snapshot files or directories of them.")
    private List<Path> inputs;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = SnapshotFiles.expand(inputs.stream().map(p -> context.resolve(p.toString())).toList());
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        ProgressBar progress = new ProgressBar(context.err(), files.size());
        try (FleetStore fleet = FleetStore.open(store.location(context), Clock.systemUTC())) {
            List<Snapshot> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try {
                    batch.add(read(file));
                } catch (SnapshotException e) {
                    rejected++;
                    context.err().println("patchchain ingest: rejected " + e.getMessage());
                }
                if (batch.size() == BATCH || i == files.size() - 1) {
                    for (IngestOutcome o : fleet.ingestAll(batch)) {
                        if (o == IngestOutcome.NEW) {
                            created++;
                        } else {
                            duplicates++;
                        }
                    }
                    batch.clear();
                    progress.update(i + 1);
                }
            }
            context.out().printf("%d file(s): %d new, %d duplicate, %d rejected (%s)%n", files.size(), created,
                    duplicates, rejected, fleet.location().display());
        }
        return (rejected > 0 ? ExitCode.USAGE_OR_INPUT : ExitCode.CLEAN).code();
    }

    private static Snapshot read(Path file) throws IOException {
        if (Files.size(file) > SnapshotFormat.MAX_BYTES) {
            throw new SnapshotException(SnapshotException.Kind.TOO_LARGE,
                    file + ": " + Files.size(file) + " bytes, the limit is " + SnapshotFormat.MAX_BYTES);
        }
        return SnapshotFormat.read(Files.readAllBytes(file), file.toString());
    }
}
