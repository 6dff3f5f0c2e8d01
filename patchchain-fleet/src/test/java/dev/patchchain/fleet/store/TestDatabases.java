package dev.patchchain.fleet.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty databases for tests. PostgreSQL comes from {@code PATCHCHAIN_TEST_PG_URL} (an admin URL, e.g. what
 * {@code .ci/postgres} prints); each call creates a new database on that server. Without a reachable server the test
 * is skipped with a message on a developer machine, and fails under {@code CI=true}.
 */
public final class TestDatabases {

    /** The environment variable naming the test PostgreSQL server. */
    public static final String PG_URL = "PATCHCHAIN_TEST_PG_URL";

    private TestDatabases() {
    }

    /** @return a new SQLite file in {@code dir} */
    public static StoreLocation sqlite(Path dir) {
        return StoreLocation.parse(dir.resolve("fleet-" + UUID.randomUUID() + ".db").toString(), dir);
    }

    /** @return a new empty database on the test PostgreSQL server */
    public static StoreLocation postgres() {
        String admin = System.getenv(PG_URL);
        String why;
        if (admin == null || admin.isBlank()) {
            why = PG_URL + " is not set (run: export " + PG_URL + "=\"$(.ci/postgres)\")";
        } else {
            String name = "patchchain_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                // A fresh random name we generated: no user text reaches this statement.
                s.execute("CREATE DATABASE " + name);
                return StoreLocation.parse(admin.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), Path.of("."));
            } catch (SQLException e) {
                why = "no PostgreSQL server at " + admin + ": " + e.getMessage();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("PostgreSQL is required under CI=true: " + why);
        }
        System.err.println("SKIPPED PostgreSQL tests: " + why);
        Assumptions.abort("PostgreSQL tests skipped: " + why);
        throw new AssertionError("unreachable");
    }
}
