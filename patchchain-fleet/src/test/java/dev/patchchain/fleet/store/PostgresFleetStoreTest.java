package dev.patchchain.fleet.store;

/** The store contract on PostgreSQL ({@code PATCHCHAIN_TEST_PG_URL}; skipped without a server, except in CI). */
class PostgresFleetStoreTest extends FleetStoreContract {

    @Override
    StoreLocation newDatabase() {
        return TestDatabases.postgres();
    }
}
