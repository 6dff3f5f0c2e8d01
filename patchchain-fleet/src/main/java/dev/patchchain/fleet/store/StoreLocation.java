package dev.patchchain.fleet.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database a command uses, from the {@code --db} option: a JDBC URL ({@code jdbc:sqlite:FILE},
 * {@code jdbc:postgresql://host/db?user=u&password=p}) or a plain file path, which means SQLite. Without
 * {@code --db} it is {@link #DEFAULT_FILE} under the user's home directory.
 *
 * <pre>{@code
 * StoreLocation.parse("fleet.db", cwd).kind();                          // SQLITE
 * StoreLocation.parse("jdbc:postgresql://db/fleet", cwd).kind();        // POSTGRESQL
 * }</pre>
 *
 * @param kind    the database
 * @param jdbcUrl the URL the driver gets
 * @param file    the SQLite file, if any (its directory is created on open)
 */
public record StoreLocation(StoreKind kind, String jdbcUrl, Optional<Path> file) {

    /** The default database, relative to the user's home directory. */
    public static final String DEFAULT_FILE = ".patchchain/fleet.db";

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** Checks the components. */
    public StoreLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(file, "file");
    }

    /**
     * @param value            the {@code --db} value
     * @param workingDirectory what a relative file is relative to
     * @return the location
     * @throws IllegalArgumentException for a JDBC URL of another database
     */
    public static StoreLocation parse(String value, Path workingDirectory) {
        if (value.startsWith(POSTGRESQL_PREFIX)) {
            return new StoreLocation(StoreKind.POSTGRESQL, value, Optional.empty());
        }
        if (value.startsWith(SQLITE_PREFIX)) {
            return sqlite(workingDirectory.resolve(value.substring(SQLITE_PREFIX.length())));
        }
        if (value.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db " + value + ": unsupported database; expected jdbc:sqlite:FILE, "
                    + "jdbc:postgresql://HOST/DB or a file path");
        }
        return sqlite(workingDirectory.resolve(value));
    }

    /**
     * @param home the user's home directory
     * @return the default embedded database, {@code ~/.patchchain/fleet.db}
     */
    public static StoreLocation defaultIn(Path home) {
        return sqlite(home.resolve(DEFAULT_FILE));
    }

    private static StoreLocation sqlite(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new StoreLocation(StoreKind.SQLITE, SQLITE_PREFIX + absolute, Optional.of(absolute));
    }

    /** @return the URL without a password, for messages */
    public String display() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
