package dev.patchchain.fleet.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of open connections handed out one transaction at a time (one for SQLite: a single writer). */
final class ConnectionPool implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    ConnectionPool(StoreLocation location) throws SQLException {
        int size = location.kind().connections();
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = DriverManager.getConnection(location.jdbcUrl());
                all.add(c);
                if (location.kind() == StoreKind.SQLITE) {
                    try (Statement s = c.createStatement()) {
                        // WAL and NORMAL sync: a crash may lose the last transactions, never corrupt the file.
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute("PRAGMA synchronous=NORMAL");
                        s.execute("PRAGMA foreign_keys=ON");
                        s.execute("PRAGMA busy_timeout=10000");
                    }
                }
                c.setAutoCommit(false);
                idle.add(c);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    <T> T transaction(Work<T> work) throws SQLException {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with a connection that cannot close
            }
        }
    }
}
