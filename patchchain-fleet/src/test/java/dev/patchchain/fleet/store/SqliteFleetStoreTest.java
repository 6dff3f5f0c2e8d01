package dev.patchchain.fleet.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded SQLite file. */
class SqliteFleetStoreTest extends FleetStoreContract {

    @TempDir
    Path dir;

    @Override
    StoreLocation newDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
