package com.finmatch.devstack;

import static com.finmatch.devstack.Stack.APPS;
import static com.finmatch.devstack.Stack.ENTERPRISE;
import static com.finmatch.devstack.Stack.KAFKA_BOOTSTRAP;
import static com.finmatch.devstack.Stack.LOAN;
import static com.finmatch.devstack.Stack.MATCHING;
import static com.finmatch.devstack.Stack.NOTIFICATION;
import static com.finmatch.devstack.Stack.REALM_URL;
import static com.finmatch.devstack.Stack.SMTP_PORT;
import static com.finmatch.devstack.Stack.WEB_PORTAL;

import com.finmatch.devstack.Stack.App;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five applications as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} children on their fixed
 * ports, with the environment that points them at the stack's PostgreSQL, Kafka and Keycloak: started (services before
 * the portal), adopted when a previous run of ours left them running, awaited on {@code /q/health/ready}; for
 * fault-injection tests killed ({@code kill -9}) and restarted. What went wrong is kept as problems, not thrown: the
 * stack runs with the applications that could start.
 */
final class Apps {
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("finmatch.app.timeout", 120));

    private final StateDir dirs;
    private final Parts parts;
    private final Postgres postgres;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> status = new LinkedHashMap<>();

    Apps(StateDir dirs, Parts parts, Postgres postgres) {
        this.dirs = dirs;
        this.parts = parts;
        this.postgres = postgres;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Map<String, String> status() {
        return Map.copyOf(status);
    }

    Path jar(App app) {
        return dirs.root().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** 200 on /q/health/ready (or, for an application without the health extension, any answer but 5xx). */
    static boolean ready(App app) {
        int status = Http.get(app.readyUrl(), null).status();
        return status == 200 || status == 404 && Http.get(app.url() + "/", null).status() > 0;
    }

    /** Starts (or adopts) every application that has a jar and a free port, then waits until each is ready. */
    void start() {
        Map<App, ManagedProcess> starting = new LinkedHashMap<>();
        for (App app : APPS) {
            Path log = dirs.log(app.module());
            Optional<ManagedProcess> mine = dirs.adopt(app.module());
            if (Ports.isOpen(app.port())) {
                if (mine.isPresent()) {
                    Console.info(app.module() + ": adopting ours still running on " + app.url() + " (pid " + mine.get().pid() + ")");
                    parts.own(mine.get(), app.module());
                    starting.put(app, mine.get());
                } else {
                    failed(app, "port taken", "port " + app.port() + " (" + app.module() + ") is taken by "
                            + Ports.describeOwner(app.port()) + ": not starting " + app.module());
                }
                continue;
            }
            if (mine.isPresent()) {
                parts.own(mine.get(), app.module());
                starting.put(app, mine.get());
                continue;
            }
            Path jar = jar(app);
            if (!Files.exists(jar)) {
                failed(app, "missing jar", app.module() + ": no " + dirs.root().relativize(jar)
                        + " yet — skipped (build it: ./mvnw -B install -DskipTests -pl " + app.module() + " -am)");
                continue;
            }
            Console.info(app.module() + ": starting on " + app.url() + " (log " + dirs.root().relativize(log) + ")");
            ManagedProcess p = launch(app);
            parts.own(p, app.module());
            starting.put(app, p);
        }
        for (Map.Entry<App, ManagedProcess> e : starting.entrySet()) {
            App app = e.getKey();
            ManagedProcess p = e.getValue();
            if (awaitReady(app, p)) {
                status.put(app.module(), "ready");
            } else {
                String why = p.isAlive() ? "not ready on " + app.readyUrl() + " after " + TIMEOUT.toSeconds() + " s"
                        : "exited with code " + p.exitCodeOrUnknown();
                failed(app, p.isAlive() ? "not ready" : "exited", app.module() + " " + why + hint(p.log())
                        + "; last lines of " + p.log() + ":\n" + p.tail(15));
            }
        }
    }

    /** Waits until each application of another launcher's stack that has a jar answers. */
    void awaitRunning() {
        for (App app : APPS) {
            if (Files.exists(jar(app))) {
                if (Console.waitFor(app.module(), Duration.ofSeconds(300), () -> ready(app), () -> false)) {
                    status.put(app.module(), "reused");
                    warnIfRebuilt(app);
                } else {
                    status.put(app.module(), "not ready");
                    problems.add(app.module() + " of the running stack is not ready on " + app.readyUrl());
                }
            }
        }
    }

    /** {@code kill -9} of an application, by its PID; returns when it is gone. */
    void kill(App app) {
        parts.kill(app.module(), app.module());
    }

    /** Stops the application if it still runs, starts it again from its jar and waits until it is ready. */
    void restart(App app) {
        ManagedProcess p = parts.relaunch(app.module(), () -> launch(app));
        if (!awaitReady(app, p)) {
            throw new StackException(app.module() + " did not come back; last lines of " + p.log() + ":\n" + p.tail(15));
        }
    }

    /** The environment an application is started with: ports, database, Kafka, OIDC, and the portal's REST clients. */
    Map<String, String> env(App app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(app.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // readable logs in .finmatch/logs
        Stack.Pg pg = postgres.current().orElse(null);
        if (app.database() != null && pg != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(app.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA_BOOTSTRAP);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", REALM_URL);
        env.put("QUARKUS_OIDC_CLIENT_ID", app.oidcClientId());
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", app.oidcSecret());
        if (app == NOTIFICATION) {
            // e-mail to the stack's mail server (GreenMail: plain SMTP, any credentials), links back to the portal
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(SMTP_PORT));
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            env.put("QUARKUS_MAILER_MOCK", "false");
            env.put("FINMATCH_NOTIFICATIONS_PORTAL_URL", WEB_PORTAL.url());
            env.put("FINMATCH_NOTIFICATIONS_PUBLIC_URL", NOTIFICATION.url()); // the unsubscribe links in mails
        }
        if (app == WEB_PORTAL) {
            env.put("QUARKUS_REST_CLIENT_ENTERPRISE_URL", ENTERPRISE.url());
            env.put("QUARKUS_REST_CLIENT_LOAN_URL", LOAN.url());
            env.put("QUARKUS_REST_CLIENT_MATCHING_URL", MATCHING.url());
            env.put("QUARKUS_REST_CLIENT_NOTIFICATION_SERVICE_URL", NOTIFICATION.url());
        }
        return env;
    }

    /** A hint for failures a person can fix here, read from an application's log. */
    static String hint(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("FlywayValidateException") || text.contains("checksum mismatch")) {
                return " (its database was migrated by an older version of its Flyway scripts:"
                        + " ./finmatch down && ./finmatch reset wipes the local PostgreSQL and Kafka data)";
            }
            if (text.contains("Address already in use")) {
                return " (a port it needs is taken)";
            }
        } catch (IOException | RuntimeException ignored) {
            // no log
        }
        return "";
    }

    private ManagedProcess launch(App app) {
        List<String> cmd = new ArrayList<>(List.of(Stack.java()));
        cmd.addAll(List.of(Optional.ofNullable(System.getenv("FINMATCH_APP_JAVA_OPTS"))
                .orElse("-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim().split("\\s+")));
        cmd.addAll(List.of("-jar", jar(app).toString()));
        return dirs.start(app.module(), cmd, env(app), dirs.root().resolve(app.module()));
    }

    private static boolean awaitReady(App app, ManagedProcess p) {
        return Console.waitFor(app.module(), TIMEOUT, () -> ready(app), () -> !p.isAlive());
    }

    private void failed(App app, String state, String msg) {
        Console.warn(msg);
        problems.add(msg);
        status.put(app.module(), state);
    }

    /** The running application was started before its jar was last built: tests would see the old code. */
    private void warnIfRebuilt(App app) {
        Optional<Instant> started = dirs.adopt(app.module()).flatMap(p -> ProcessHandle.of(p.pid()))
                .flatMap(h -> h.info().startInstant());
        try {
            if (started.isPresent() && Files.getLastModifiedTime(jar(app)).toInstant().isAfter(started.get())) {
                Console.warn(app.module() + " was rebuilt after ./finmatch up started it: these tests run against the"
                        + " old build (restart ./finmatch up to test the new one)");
            }
        } catch (IOException ignored) {
            // no jar
        }
    }
}
