package dev.patchchain.cli.fleet;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.fleet.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db}: which fleet store a command uses (default: the embedded SQLite file in the home directory). */
final class StoreOption {

    @Option(names = "--db", paramLabel = "URL|FILE",
            description = "The fleet store: a SQLite file, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U&password=P "
                    + "(default: ~/" + StoreLocation.DEFAULT_FILE + ").")
    String db;

    StoreLocation location(CliContext context) {
        if (db == null) {
            return StoreLocation.defaultIn(Path.of(System.getProperty("user.home")));
        }
        try {
            return StoreLocation.parse(db, context.workingDirectory());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
