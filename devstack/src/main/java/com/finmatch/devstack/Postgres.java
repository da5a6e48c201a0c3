package com.finmatch.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stack's PostgreSQL: an external server ({@code FINMATCH_PG_*}) or the embedded one (zonky, PostgreSQL 17) on its
 * data directory — started, or adopted when a killed launcher left it running — with a database per service created
 * when missing. For fault-injection tests the embedded server this stack started can be shut down and started again
 * on the same port and data directory.
 */
final class Postgres {
    private final StateDir dirs;
    private final Parts parts;
    private Stack.Pg pg;
    /** The embedded PostgreSQL this stack started (null when adopted or external); replaced by a restart. */
    private volatile EmbeddedPostgres embedded;
    private boolean startedHere;

    Postgres(StateDir dirs, Parts parts) {
        this.dirs = dirs;
        this.parts = parts;
    }

    /** How to reach it; empty before {@link #start()}. */
    Optional<Stack.Pg> current() {
        return Optional.ofNullable(pg);
    }

    void start() {
        String host = System.getenv("FINMATCH_PG_HOST");
        if (host != null && !host.isBlank()) {
            int port = Integer.parseInt(Optional.ofNullable(System.getenv("FINMATCH_PG_PORT")).orElse("5432"));
            String user = Optional.ofNullable(System.getenv("FINMATCH_PG_USER")).orElse("postgres");
            String password = Optional.ofNullable(System.getenv("FINMATCH_PG_PASSWORD")).orElse("");
            pg = new Stack.Pg(host, port, user, password, false);
            Console.info("PostgreSQL: external server " + host + ":" + port + " (FINMATCH_PG_HOST)");
        } else {
            pg = startEmbedded();
        }
        createDatabases();
    }

    /** Shuts the embedded PostgreSQL down (fast shutdown: open transactions are rolled back, clients cut off). */
    void stop() {
        requireStartedHere();
        closeEmbedded();
        Console.info("PostgreSQL: stopped");
    }

    /** Starts the embedded PostgreSQL again (stopping it first if it runs) on the same port and data directory. */
    void restart() {
        requireStartedHere();
        closeEmbedded();
        embedded = launchEmbedded(dirs.data().resolve("postgres/data"), pg.port());
        Console.info("PostgreSQL: started again on 127.0.0.1:" + pg.port());
    }

    /** Stops, by PID, an embedded postmaster a killed launcher or test run left behind; returns how many it stopped. */
    static int stopLeftovers(Path state) {
        int n = 0;
        for (Path postmasterPid : List.of(state.resolve("postgres/data/postmaster.pid"),
                state.resolve("test-data/postgres/data/postmaster.pid"))) {
            try {
                if (Files.exists(postmasterPid)) {
                    long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
                    Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                            .filter(x -> x.info().command().map(c -> c.endsWith("postgres")).orElse(true));
                    if (h.isPresent()) {
                        Console.info("   stopping leftover PostgreSQL (pid " + pid + ")");
                        stopPostmaster(h.get());
                        n++;
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // no postmaster
            }
        }
        return n;
    }

    private Stack.Pg startEmbedded() {
        Path dir = dirs.data().resolve("postgres");
        Path pgData = dir.resolve("data");
        // A postmaster of ours still running (the launcher was killed hard): adopt it.
        Path postmasterPid = pgData.resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                List<String> lines = Files.readAllLines(postmasterPid);
                long pid = Long.parseLong(lines.get(0).trim());
                int port = Integer.parseInt(lines.get(3).trim());
                Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
                if (h.isPresent() && Ports.isOpen(port)) {
                    Console.info("PostgreSQL: adopting the embedded server still running on 127.0.0.1:" + port
                            + " (pid " + pid + ")");
                    parts.onStop("PostgreSQL (pid " + pid + ")", () -> stopPostmaster(h.get()));
                    return new Stack.Pg("127.0.0.1", port, "postgres", "postgres", true);
                }
            } catch (IOException | RuntimeException ignored) {
                // stale or unreadable: pg_ctl deals with a stale postmaster.pid
            }
        }
        int port = Stack.EMBEDDED_PG_PREFERRED_PORT;
        if (!Ports.isFree(port)) {
            int other = Ports.freePort();
            Console.info("PostgreSQL: port " + port + " is taken by " + Ports.describeOwner(port) + "; using " + other);
            port = other;
        }
        Console.info("PostgreSQL: starting embedded PostgreSQL 17 on 127.0.0.1:" + port + ", data in "
                + dirs.root().relativize(pgData));
        long t0 = System.nanoTime();
        embedded = launchEmbedded(pgData, port);
        startedHere = true;
        parts.onStop("PostgreSQL (port " + port + ")", this::closeEmbedded);
        try {
            Files.writeString(dir.resolve("port"), port + "\n");
        } catch (IOException e) {
            throw new StackException("cannot write " + dir.resolve("port") + ": " + e.getMessage(), e);
        }
        Console.info("   PostgreSQL ready after " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        return new Stack.Pg("127.0.0.1", port, "postgres", "postgres", true);
    }

    /** Starts (or starts again) the embedded server on this data directory and port; initdb only when it is empty. */
    private EmbeddedPostgres launchEmbedded(Path pgData, int port) {
        Path log = dirs.log("postgres");
        try {
            Files.createDirectories(pgData.getParent());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("embedded PostgreSQL did not start: " + e.getMessage() + "\n   log: " + log, e);
        }
    }

    private void closeEmbedded() {
        EmbeddedPostgres epg = embedded;
        if (epg == null) {
            return;
        }
        try {
            epg.close(); // pg_ctl stop -m fast
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        embedded = null;
    }

    private static void stopPostmaster(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor(); // fast shutdown
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private void requireStartedHere() {
        if (!startedHere) {
            throw new StackException("PostgreSQL was not started by this stack: it cannot be stopped or restarted here");
        }
    }

    private void createDatabases() {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password())) {
            for (Stack.App app : Stack.APPS) {
                if (app.database() == null) {
                    continue;
                }
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    q.setString(1, app.database());
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + app.database() + "\"");
                    Console.info("   created database " + app.database());
                }
            }
        } catch (SQLException e) {
            throw new StackException("cannot reach PostgreSQL at " + pg.host() + ":" + pg.port() + " as " + pg.user()
                    + ": " + e.getMessage(), e);
        }
    }
}
