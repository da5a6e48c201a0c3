package com.finmatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One real PostgreSQL server per test JVM (embedded binaries from Maven), one fresh database per caller. */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static int databases;

    private TestPostgres() {
    }

    /** Creates a new, empty database and returns its JDBC URL (user and password: postgres). */
    public static synchronized String newDatabase(String prefix) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close));
            }
            String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + (++databases);
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    private static synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is going away; the temp directory is removed by zonky
        }
    }
}
