package com.finmatch.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local real stack: PostgreSQL (embedded, or external via FINMATCH_PG_*), Kafka (KRaft, one node), Keycloak with
 * the realm {@code finmatch}, and the four applications as {@code java -jar} children. Each part is started, or
 * adopted when a previous run of ours left it running, or reused when something healthy already serves it. {@link
 * #stop()} stops, by PID and in reverse order, only what this stack started or adopted.
 *
 * <p>Used by the launcher ({@code ./finmatch up}) and in-process by the end-to-end tests ({@link #startOrReuse()}).
 */
public final class Stack implements AutoCloseable {
    public static final String REALM = "finmatch";
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    /** The embedded PostgreSQL's preferred port; any free port when it is taken. */
    public static final int EMBEDDED_PG_PREFERRED_PORT = 15432;
    public static final String KEYCLOAK_VERSION = "26.5.6";
    public static final String KEYCLOAK_URL = "http://127.0.0.1:" + KEYCLOAK_PORT;
    public static final String REALM_URL = KEYCLOAK_URL + "/realms/" + REALM;
    public static final String KAFKA_BOOTSTRAP = "127.0.0.1:" + KAFKA_PORT;

    /** One of the four applications. {@code database} is null for the portal. */
    public record App(String module, int port, String database, String oidcClientId, String oidcSecret) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public String readyUrl() {
            return url() + "/q/health/ready";
        }
    }

    public static final App WEB_PORTAL = new App("web-portal", 8080, null, "finmatch-web", "finmatch-web-secret");
    public static final App ENTERPRISE = new App("enterprise-service", 8081, "enterprise", "finmatch-api", "finmatch-api-secret");
    public static final App LOAN = new App("loan-service", 8082, "loan", "finmatch-api", "finmatch-api-secret");
    public static final App MATCHING = new App("matching-service", 8083, "matching", "finmatch-api", "finmatch-api-secret");
    /** In start order: the services before the portal that calls them. */
    public static final List<App> APPS = List.of(ENTERPRISE, LOAN, MATCHING, WEB_PORTAL);

    private static final Duration APP_TIMEOUT = Duration.ofSeconds(Long.getLong("finmatch.app.timeout", 120));

    private static Stack shared;

    private final StateDir dirs;
    private final Parts parts = new Parts();
    private final Postgres postgres;
    private final Kafka kafka;
    private final Keycloak keycloak;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> appStatus = new LinkedHashMap<>();
    private Thread hook;

    /** How to reach PostgreSQL. */
    public record Pg(String host, int port, String user, String password, boolean embedded) {
        public String jdbcUrl(String db) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + db;
        }
    }

    private Stack(Path root, boolean throwawayData) {
        this.dirs = StateDir.of(root, throwawayData);
        this.postgres = new Postgres(dirs, parts);
        this.kafka = new Kafka(dirs, parts);
        this.keycloak = new Keycloak(dirs, parts);
    }

    /** A stack rooted at the repository that contains the working directory (or {@code -Dfinmatch.root}). */
    public static Stack forRepository() {
        return new Stack(findRoot(), false);
    }

    public static Path findRoot() {
        String configured = System.getProperty("finmatch.root", System.getenv("FINMATCH_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("devstack/pom.xml")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new StackException("cannot find the finmatch repository above " + Path.of("").toAbsolutePath()
                + " (set -Dfinmatch.root or FINMATCH_ROOT)");
    }

    /**
     * For tests: the one stack of this JVM. Reuses the stack of a running {@code ./finmatch up} (waiting until it is
     * ready), else starts one in-process on throwaway data (.finmatch/test-data, emptied first, so a run never depends
     * on what a developer's database holds), seeds it, and stops it when the JVM exits or {@link #stop()} is called.
     */
    public static synchronized Stack startOrReuse() {
        if (shared == null) {
            Stack s = new Stack(findRoot(), true);
            Optional<ProcessHandle> launcher = s.runningLauncher();
            if (launcher.isPresent()) {
                Console.info("finmatch: reusing the stack of ./finmatch up (pid " + launcher.get().pid() + ")");
                s.awaitRunningStack();
            } else {
                s.start();
                s.seedIfNeeded();
            }
            shared = s;
        }
        return shared;
    }

    public Path root() {
        return dirs.root();
    }

    public Path stateDir() {
        return dirs.state();
    }

    public Optional<Pg> postgres() {
        return postgres.current();
    }

    /** What went wrong with the applications (missing jars, ports taken, not ready); empty when all is well. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** module → "ready", "reused", "adopted", "missing jar", "not ready", … */
    public Map<String, String> appStatus() {
        return Map.copyOf(appStatus);
    }

    // ------------------------------------------------------------------------------------------------- lifecycle

    /** Starts (or adopts, or reuses) every part; throws {@link StackException} when the infrastructure cannot run. */
    public Stack start() {
        long t0 = System.nanoTime();
        dirs.createDirectories();
        dirs.claimOwnership();
        if (dirs.throwawayData()) {
            stopLeftovers(); // a killed test run may have left its PostgreSQL on the data we are about to delete
            dirs.emptyData();
        }
        hook = new Thread(this::stop, "finmatch-stack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // Keycloak is the slowest part (35-60 s): launch it first and boot the rest while it starts.
            keycloak.launch();
            postgres.start();
            kafka.start();
            keycloak.await();
            startApps();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        Console.info("finmatch: stack up in " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        return this;
    }

    /** Seeds the demo data through the public APIs; idempotent. */
    public Seeder.Report seed() {
        return new Seeder().seed();
    }

    /**
     * Seeds unless this embedded database already holds the complete demo data of this very demo-data.json and realm
     * (a marker next to the data, so {@code ./finmatch reset} clears it). Returns empty when it skipped.
     */
    public Optional<Seeder.Report> seedIfNeeded() {
        Path marker = postgres.current().filter(Pg::embedded).map(pg -> dirs.data().resolve("postgres/seeded"))
                .orElse(null);
        String digest = digest(readResource("demo-data.json") + readResource("finmatch-realm.json"));
        try {
            if (marker != null && Files.exists(marker) && Files.readString(marker).trim().equals(digest)) {
                Console.info("finmatch: demo data already seeded (./finmatch seed seeds again)");
                return Optional.empty();
            }
            Seeder.Report report = seed();
            if (marker != null && report.complete()) {
                Files.writeString(marker, digest + "\n");
            }
            return Optional.of(report);
        } catch (IOException e) {
            throw new StackException("cannot read or write " + marker + ": " + e.getMessage(), e);
        }
    }

    private static String digest(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops what this stack started or adopted: applications, Keycloak, Kafka, PostgreSQL. Idempotent. */
    public synchronized void stop() {
        if (!parts.stopAll()) {
            return;
        }
        dirs.releaseOwnership();
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------------------------------------- ownership

    /** The launcher (or test JVM) that owns the running stack, other than this JVM. */
    public Optional<ProcessHandle> runningLauncher() {
        return dirs.runningLauncher();
    }

    /** Waits until the stack of another launcher answers (Keycloak and every application that has a jar). */
    public void awaitRunningStack() {
        Keycloak.awaitRealm(Duration.ofSeconds(300));
        for (App app : APPS) {
            if (Files.exists(jar(app))) {
                if (Console.waitFor(app.module(), Duration.ofSeconds(300), () -> appReady(app), () -> false)) {
                    appStatus.put(app.module(), "reused");
                    warnIfRebuilt(app);
                } else {
                    appStatus.put(app.module(), "not ready");
                    problems.add(app.module() + " of the running stack is not ready on " + app.readyUrl());
                }
            }
        }
    }

    /**
     * For {@code ./finmatch down} when no launcher is alive: stops, by PID, the parts a killed launcher left behind
     * (applications, Keycloak, Kafka, then the embedded PostgreSQL). Returns how many it stopped.
     */
    public int stopLeftovers() {
        int n = 0;
        List<String> order = new ArrayList<>();
        for (int i = APPS.size() - 1; i >= 0; i--) {
            order.add(APPS.get(i).module());
        }
        order.add("keycloak");
        order.add("kafka");
        for (String name : order) {
            Optional<ManagedProcess> p = dirs.adopt(name);
            if (p.isPresent()) {
                Console.info("   stopping leftover " + name + " (pid " + p.get().pid() + ")");
                p.get().stop(Duration.ofSeconds(20));
                n++;
            }
        }
        return n + Postgres.stopLeftovers(dirs.state());
    }

    /** The running application was started before its jar was last built: tests would see the old code. */
    private void warnIfRebuilt(App app) {
        Optional<ManagedProcess> running = dirs.adopt(app.module());
        Optional<java.time.Instant> started = running.flatMap(p -> ProcessHandle.of(p.pid()))
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

    // ------------------------------------------------------------------------------------------------- applications

    public Path jar(App app) {
        return dirs.root().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Keycloak serves the realm's OpenID configuration. */
    public static boolean realmReady() {
        return Keycloak.realmReady();
    }

    /** 200 on /q/health/ready (or, for an application without the health extension, any answer but 5xx). */
    public static boolean appReady(App app) {
        int status = Http.get(app.readyUrl(), null).status();
        return status == 200 || status == 404 && Http.get(app.url() + "/", null).status() > 0;
    }

    private void startApps() {
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
                    String msg = "port " + app.port() + " (" + app.module() + ") is taken by " + Ports.describeOwner(app.port())
                            + ": not starting " + app.module();
                    Console.warn(msg);
                    problems.add(msg);
                    appStatus.put(app.module(), "port taken");
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
                String msg = app.module() + ": no " + dirs.root().relativize(jar) + " yet — skipped (build it: ./mvnw -B install -DskipTests -pl "
                        + app.module() + " -am)";
                Console.warn(msg);
                problems.add(msg);
                appStatus.put(app.module(), "missing jar");
                continue;
            }
            Console.info(app.module() + ": starting on " + app.url() + " (log " + dirs.root().relativize(log) + ")");
            ManagedProcess p = launchApp(app);
            parts.own(p, app.module());
            starting.put(app, p);
        }
        for (Map.Entry<App, ManagedProcess> e : starting.entrySet()) {
            App app = e.getKey();
            ManagedProcess p = e.getValue();
            if (Console.waitFor(app.module(), APP_TIMEOUT, () -> appReady(app), () -> !p.isAlive())) {
                appStatus.put(app.module(), "ready");
            } else {
                String why = p.isAlive() ? "not ready on " + app.readyUrl() + " after " + APP_TIMEOUT.toSeconds() + " s"
                        : "exited with code " + p.exitCodeOrUnknown();
                String msg = app.module() + " " + why + hint(p.log()) + "; last lines of " + p.log() + ":\n" + p.tail(15);
                Console.warn(msg);
                problems.add(msg);
                appStatus.put(app.module(), p.isAlive() ? "not ready" : "exited");
            }
        }
    }

    private ManagedProcess launchApp(App app) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(List.of(Optional.ofNullable(System.getenv("FINMATCH_APP_JAVA_OPTS"))
                .orElse("-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim().split("\\s+")));
        cmd.addAll(List.of("-jar", jar(app).toString()));
        return dirs.start(app.module(), cmd, appEnv(app), dirs.root().resolve(app.module()));
    }

    // ------------------------------------------------------------------------------------------------- faults

    /*
     * Process control for fault-injection tests (e2e-tests' FaultsUnderLoadIT): each operation acts only on a process
     * this stack started or adopted, by its PID, never by name. A part another launcher runs cannot be faulted.
     */

    /** {@code kill -9} of an application, by its PID; returns when it is gone. */
    public void kill(App app) {
        parts.kill(app.module(), app.module());
    }

    /** Stops the application if it still runs, starts it again from its jar and waits until it is ready. */
    public void restart(App app) {
        ManagedProcess p = parts.relaunch(app.module(), () -> launchApp(app));
        if (!Console.waitFor(app.module(), APP_TIMEOUT, () -> appReady(app), () -> !p.isAlive())) {
            throw new StackException(app.module() + " did not come back; last lines of " + p.log() + ":\n" + p.tail(15));
        }
    }

    /** {@code kill -9} of the Kafka broker, by its PID; returns when it is gone. */
    public void killKafka() {
        kafka.kill();
    }

    /** Stops the broker if it still runs, starts it again on the same port and log directory, waits for its port. */
    public void restartKafka() {
        kafka.restart();
    }

    /** Shuts the embedded PostgreSQL down (fast shutdown: open transactions are rolled back, clients cut off). */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts the embedded PostgreSQL again (stopping it first if it runs) on the same port and data directory. */
    public void restartPostgres() {
        postgres.restart();
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

    /** Deletes the local PostgreSQL and Kafka data under .finmatch (the stack must be down). */
    public void resetData() {
        dirs.resetData();
    }

    /** The environment an application is started with: ports, database, Kafka, OIDC, and the portal's REST clients. */
    public Map<String, String> appEnv(App app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(app.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // readable logs in .finmatch/logs
        Pg pg = postgres.current().orElse(null);
        if (app.database() != null && pg != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(app.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA_BOOTSTRAP);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", REALM_URL);
        env.put("QUARKUS_OIDC_CLIENT_ID", app.oidcClientId());
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", app.oidcSecret());
        if (app == WEB_PORTAL) {
            env.put("QUARKUS_REST_CLIENT_ENTERPRISE_URL", ENTERPRISE.url());
            env.put("QUARKUS_REST_CLIENT_LOAN_URL", LOAN.url());
            env.put("QUARKUS_REST_CLIENT_MATCHING_URL", MATCHING.url());
        }
        return env;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String readResource(String name) {
        try (InputStream in = Stack.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StackException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot read " + name, e);
        }
    }
}
