package com.finmatch.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local real stack: PostgreSQL (embedded, or external via FINMATCH_PG_*), Kafka (KRaft, one node), Keycloak with
 * the realm {@code finmatch}, a mail server (GreenMail: SMTP 3025, its REST API on 8025), and the applications as {@code java -jar} children. Each part is started, or
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
    /** The mail server (GreenMail standalone): SMTP for the applications, IMAP and a REST API to read what they sent. */
    public static final String GREENMAIL_VERSION = "2.1.5";
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    public static final int MAIL_API_PORT = 8025;
    /** GreenMail's REST API: {@code /api/user}, {@code /api/user/<address>/messages/INBOX}, {@code /api/mail/purge}. */
    public static final String MAIL_API_URL = "http://127.0.0.1:" + MAIL_API_PORT;

    /** One of the five applications. {@code database} is null for the portal. */
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
    public static final App NOTIFICATION = new App("notification-service", 8084, "notification", "finmatch-api", "finmatch-api-secret");
    /** In start order: the services before the portal that calls them. */
    public static final List<App> APPS = List.of(ENTERPRISE, LOAN, MATCHING, NOTIFICATION, WEB_PORTAL);

    private static Stack shared;

    private final StateDir dirs;
    private final Parts parts = new Parts();
    private final Postgres postgres;
    private final Kafka kafka;
    private final Keycloak keycloak;
    private final Mail mail;
    private final Apps apps;
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
        this.mail = new Mail(dirs, parts, new Mail.MailPorts(SMTP_PORT, IMAP_PORT, MAIL_API_PORT), Mail.jar(root));
        this.apps = new Apps(dirs, parts, postgres);
    }

    /** A stack rooted at the repository that contains the working directory (or {@code -Dfinmatch.root}). */
    public static Stack forRepository() {
        return new Stack(findRoot(), false);
    }

    /** The repository that contains the working directory, or {@code -Dfinmatch.root} or FINMATCH_ROOT. */
    public static Path findRoot() {
        return StateDir.findRoot();
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
        return apps.problems();
    }

    /** module → "ready", "reused", "adopted", "missing jar", "not ready", … */
    public Map<String, String> appStatus() {
        return apps.status();
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
            mail.start();
            keycloak.await();
            apps.start();
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

    /** Stops what this stack started or adopted: applications, mail, Keycloak, Kafka, PostgreSQL. Idempotent. */
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

    // ------------------------------------------------------------------------------------------------- other launchers

    /** The launcher (or test JVM) that owns the running stack, other than this JVM. */
    public Optional<ProcessHandle> runningLauncher() {
        return dirs.runningLauncher();
    }

    /** Waits until the stack of another launcher answers (Keycloak and every application that has a jar). */
    public void awaitRunningStack() {
        Keycloak.awaitRealm(Duration.ofSeconds(300));
        apps.awaitRunning();
    }

    /**
     * For {@code ./finmatch down} when no launcher is alive: stops, by PID, the parts a killed launcher left behind
     * (applications, the mail server, Keycloak, Kafka, then the embedded PostgreSQL). Returns how many it stopped.
     */
    public int stopLeftovers() {
        List<String> order = new ArrayList<>(APPS.stream().map(App::module).toList());
        Collections.reverse(order);
        order.addAll(List.of(Mail.NAME, "keycloak", "kafka"));
        return dirs.stopLeftovers(order) + Postgres.stopLeftovers(dirs.state());
    }

    // ------------------------------------------------------------------------------------------------- readiness

    public Path jar(App app) {
        return apps.jar(app);
    }

    /**
     * The Keycloak distribution the stack runs ({@link #KEYCLOAK_VERSION}, unpacked by devstack's build into
     * {@code devstack/target}), for tests that start a Keycloak of their own (the k8s module's realm check).
     */
    public static Path keycloakDistribution() {
        return Keycloak.distribution(findRoot());
    }

    /** Keycloak serves the realm's OpenID configuration. */
    public static boolean realmReady() {
        return Keycloak.realmReady();
    }

    /** 200 on /q/health/ready (or, for an application without the health extension, any answer but 5xx). */
    public static boolean appReady(App app) {
        return Apps.ready(app);
    }

    // ------------------------------------------------------------------------------------------------- faults

    /*
     * Process control for fault-injection tests (e2e-tests' FaultsUnderLoadIT): each operation acts only on a process
     * this stack started or adopted, by its PID, never by name. A part another launcher runs cannot be faulted.
     */

    /** {@code kill -9} of an application, by its PID; returns when it is gone. */
    public void kill(App app) {
        apps.kill(app);
    }

    /** Stops the application if it still runs, starts it again from its jar and waits until it is ready. */
    public void restart(App app) {
        apps.restart(app);
    }

    /** {@code kill -9} of the Kafka broker, by its PID; returns when it is gone. */
    public void killKafka() {
        kafka.kill();
    }

    /** Stops the broker if it still runs, starts it again on the same port and log directory, waits for its port. */
    public void restartKafka() {
        kafka.restart();
    }

    /** {@code kill -9} of the mail server, by its PID (the mail it held is lost); returns when it is gone. */
    public void killMail() {
        mail.kill();
    }

    /** Stops the mail server if it still runs, starts it again on the same ports (empty), waits until it is ready. */
    public void restartMail() {
        mail.restart();
    }

    /** Shuts the embedded PostgreSQL down (fast shutdown: open transactions are rolled back, clients cut off). */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts the embedded PostgreSQL again (stopping it first if it runs) on the same port and data directory. */
    public void restartPostgres() {
        postgres.restart();
    }

    /** Deletes the local PostgreSQL and Kafka data under .finmatch (the stack must be down). */
    public void resetData() {
        dirs.resetData();
    }

    /** The environment an application is started with: ports, database, Kafka, OIDC, and the portal's REST clients. */
    public Map<String, String> appEnv(App app) {
        return apps.env(app);
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
