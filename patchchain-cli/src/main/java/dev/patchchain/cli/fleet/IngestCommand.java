package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.render.Json;
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
import picocli.CommandLine.Option;
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

    @Option(names = "--json", description = "Print the counts and every rejection as JSON.")
    private boolean json;

    IngestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = SnapshotFiles.expand(inputs.stream().map(p -> context.resolve(p.toString())).toList());
        int created = 0;
        int duplicates = 0;
        ArrayNode rejected = Json.array();
        ProgressBar progress = new ProgressBar(context.err(), files.size());
        try (FleetStore fleet = FleetStore.open(store.location(context), Clock.systemUTC())) {
            List<Snapshot> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try {
                    batch.add(read(file));
                } catch (SnapshotException e) {
                    reject(rejected, file, e.kind().name(), e.getMessage());
                } catch (IOException e) {
                    reject(rejected, file, "UNREADABLE", file + ": cannot read: " + e);
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
            if (json) {
                ObjectNode summary = Json.object().put("files", files.size()).put("new", created)
                        .put("duplicate", duplicates).put("store", fleet.location().display());
                summary.set("rejected", rejected);
                context.out().println(Json.write(summary));
            } else {
                context.out().printf("%d file(s): %d new, %d duplicate, %d rejected (%s)%n", files.size(), created,
                        duplicates, rejected.size(), fleet.location().display());
            }
        }
        return (rejected.isEmpty() ? ExitCode.CLEAN : ExitCode.USAGE_OR_INPUT).code();
    }

    private void reject(ArrayNode rejected, Path file, String kind, String message) {
        rejected.addObject().put("file", file.toString()).put("kind", kind).put("message", message);
        context.err().println("patchchain ingest: rejected " + message);
    }

    private static Snapshot read(Path file) throws IOException {
        if (Files.size(file) > SnapshotFormat.MAX_BYTES) {
            throw new SnapshotException(SnapshotException.Kind.TOO_LARGE,
                    file + ": " + Files.size(file) + " bytes, the limit is " + SnapshotFormat.MAX_BYTES);
        }
        return SnapshotFormat.read(Files.readAllBytes(file), file.toString());
    }
}
