package com.finmatch.devstack;

import static com.finmatch.devstack.Stack.KEYCLOAK_PORT;
import static com.finmatch.devstack.Stack.KEYCLOAK_URL;
import static com.finmatch.devstack.Stack.KEYCLOAK_VERSION;
import static com.finmatch.devstack.Stack.REALM;
import static com.finmatch.devstack.Stack.REALM_URL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack's Keycloak: {@code kc.sh start-dev} of the distribution unpacked in {@code devstack/target}, on a fresh dev
 * database with the realm imported from {@code finmatch-realm.json} — started, adopted when a previous run of ours
 * left it running, or reused (never stopped) when another Keycloak already serves the realm.
 */
final class Keycloak {
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("finmatch.keycloak.timeout", 240));

    private final StateDir dirs;
    private final Parts parts;
    /** The process {@link #launch()} started or adopted, to wait for; empty when another Keycloak is reused. */
    private Optional<ManagedProcess> starting = Optional.empty();

    Keycloak(StateDir dirs, Parts parts) {
        this.dirs = dirs;
        this.parts = parts;
    }

    /** The Keycloak distribution devstack's build unpacks into {@code devstack/target} (the home of its {@code bin/kc.sh}). */
    static Path distribution(Path root) {
        Path home = root.resolve("devstack/target/keycloak-" + KEYCLOAK_VERSION);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new StackException("missing " + home + "/bin/kc.sh: build devstack first (./mvnw -pl devstack install -DskipTests)");
        }
        return home;
    }

    /** Keycloak serves the realm's OpenID configuration. */
    static boolean realmReady() {
        return Http.answers200(REALM_URL + "/.well-known/openid-configuration");
    }

    /** Starts Keycloak unless it already serves the realm (or adopts ours); {@link #await()} waits for it. */
    void launch() {
        starting = launchOrAdopt();
    }

    /** Waits until the Keycloak launched (or adopted) serves the realm; nothing to wait for when it was reused. */
    void await() {
        if (starting.isEmpty()) {
            return;
        }
        ManagedProcess kc = starting.get();
        if (!Console.waitFor("Keycloak", TIMEOUT, Keycloak::realmReady, () -> !kc.isAlive())) {
            throw new StackException("Keycloak did not serve " + REALM_URL + (kc.isAlive() ? " in time" : " (it exited)")
                    + "; last lines of " + kc.log() + ":\n" + kc.tail(25));
        }
    }

    /** Waits until the realm of another launcher's Keycloak is served. */
    static void awaitRealm(Duration timeout) {
        String what = "Keycloak realm " + REALM;
        if (!Console.waitFor(what, timeout, Keycloak::realmReady, () -> false)) {
            throw new StackException(what + " is not ready after " + timeout.toSeconds() + " s");
        }
    }

    private Optional<ManagedProcess> launchOrAdopt() {
        Optional<ManagedProcess> mine = dirs.adopt("keycloak");
        if (Ports.isOpen(KEYCLOAK_PORT)) {
            if (mine.isPresent()) {
                Console.info("Keycloak: adopting ours still running on " + KEYCLOAK_URL + " (pid " + mine.get().pid() + ")");
                parts.own(mine.get(), "Keycloak");
                return mine;
            }
            if (realmReady()) {
                Console.info("Keycloak: reusing the one already serving " + REALM_URL + " — "
                        + Ports.describeOwner(KEYCLOAK_PORT) + " (not started by finmatch; not stopped by it)");
                return Optional.empty();
            }
            throw new StackException("port " + KEYCLOAK_PORT + " (Keycloak) is taken by " + Ports.describeOwner(KEYCLOAK_PORT)
                    + ", which does not serve the realm " + REALM + ". Stop it, then run again.");
        }
        if (mine.isPresent()) {
            Console.info("Keycloak: ours (pid " + mine.get().pid() + ") is still starting");
            parts.own(mine.get(), "Keycloak");
            return mine;
        }
        Path home = distribution(dirs.root());
        try {
            // Always a fresh dev database, so the realm is imported exactly as the JSON says.
            StateDir.deleteTree(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (Stream<Path> old = Files.list(imports)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            try (InputStream realm = Stack.class.getResourceAsStream("finmatch-realm.json")) {
                if (realm == null) {
                    throw new StackException("finmatch-realm.json is not on the classpath");
                }
                Files.copy(realm, imports.resolve("finmatch-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare Keycloak in " + home + ": " + e.getMessage(), e);
        }
        Console.info("Keycloak " + KEYCLOAK_VERSION + ": starting on " + KEYCLOAK_URL + " (start-dev, realm import)");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        ManagedProcess kc = dirs.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + KEYCLOAK_PORT, "--http-host=127.0.0.1", "--import-realm"), env, home);
        parts.own(kc, "Keycloak");
        return Optional.of(kc);
    }
}
