package com.finmatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server per test JVM (embedded binaries from Maven), one fresh database per caller. A test may
 * {@link #stop()} the server (a fast shutdown, as in a restart or failover: open transactions rolled back, every
 * client cut off) and {@link #start()} it again on the same port and data directory.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    private static int port;
    private static int databases;

    private TestPostgres() {
    }

    /** Creates a new, empty database and returns its JDBC URL (user and password: postgres). */
    public static synchronized String newDatabase(String prefix) {
        try {
            if (server == null && dataDirectory == null) {
                dataDirectory = Files.createTempDirectory("finmatch-test-pg");
                server = launch(0);
                port = server.getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close));
            }
            String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + (++databases);
            try (Connection c = running().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return running().getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    /** Shuts the server down (pg_ctl stop -m fast); its data stays. */
    public static synchronized void stop() {
        try {
            running().close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }

    /** Starts the stopped server again, on the same port and data directory. */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = launch(port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL again", e);
        }
    }

    private static EmbeddedPostgres running() {
        if (server == null) {
            throw new IllegalStateException("the test PostgreSQL is stopped");
        }
        return server;
    }

    private static EmbeddedPostgres launch(int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60));
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        return builder.start();
    }

    private static synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
            if (dataDirectory != null) {
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
