package dev.patchchain.fleet.store;

/** The databases a {@link FleetStore} runs on; each has its own migration folder. */
public enum StoreKind {
    /** An embedded SQLite file: no setup, one writer at a time. */
    SQLITE("sqlite", 1),
    /** A PostgreSQL server: for an organisation, many writers. */
    POSTGRESQL("postgresql", 8);

    private final String migrationFolder;
    private final int connections;

    StoreKind(String migrationFolder, int connections) {
        this.migrationFolder = migrationFolder;
        this.connections = connections;
    }

    /** @return the Flyway location of this database's migrations */
    public String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** @return how many connections the store keeps open */
    int connections() {
        return connections;
    }
}
