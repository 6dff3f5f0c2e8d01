/**
 * Where snapshots are kept: {@link dev.patchchain.fleet.store.FleetStore} over JDBC, an embedded SQLite file by
 * default or PostgreSQL for an organisation ({@link dev.patchchain.fleet.store.StoreLocation}); the schema is
 * managed by Flyway migrations, one folder per database ({@code db/migration/sqlite}, {@code db/migration/postgresql}).
 */
package dev.patchchain.fleet.store;
