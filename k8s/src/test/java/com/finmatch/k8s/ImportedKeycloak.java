package com.finmatch.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.devstack.ManagedProcess;
import com.finmatch.devstack.Ports;
import com.finmatch.devstack.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak — the local stack's distribution ({@link Stack#keycloakDistribution()}, the version {@code ./finmatch
 * up} runs) — with one realm put in by {@code kc.sh import --file} into a fresh dev-file database under
 * {@code target/}, the realm's placeholders given as environment variables (as the Keycloak operator's import job gives
 * a {@code KeycloakRealmImport}'s), then {@code kc.sh start-dev} serving HTTPS on a free port with a throwaway
 * self-signed certificate (the realm requires TLS). Stopped by the PID it was started with.
 */
final class ImportedKeycloak implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(Long.getLong("finmatch.keycloak.timeout", 300));
    private static final String STORE_PASSWORD = "changeit";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedProcess process;
    private final String url;
    private final HttpClient http;
    private final String realm;

    private ImportedKeycloak(ManagedProcess process, String url, HttpClient http, String realm) {
        this.process = process;
        this.url = url;
        this.http = http;
        this.realm = realm;
    }

    /** Imports {@code realm} with these placeholder values, starts Keycloak and waits until it serves the realm. */
    static ImportedKeycloak start(JsonNode realm, Map<String, String> placeholders) throws IOException, InterruptedException {
        Path home = Stack.keycloakDistribution();
        Path dir = Manifests.K8S.resolve("target/imported-keycloak");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path realmFile = dir.resolve("realm.json");
        JSON.writeValue(realmFile.toFile(), realm);
        String kcSh = home.resolve("bin/kc.sh").toString();
        List<String> database = List.of("--db=dev-file",
                "--db-url=jdbc:h2:file:" + dir.resolve("db/keycloakdb") + ";NON_KEYWORDS=VALUE");

        Map<String, String> env = new LinkedHashMap<>(placeholders);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Java 24+ needs the opening for JBoss threads; harmless on 21
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 --add-opens=java.base/java.lang=ALL-UNNAMED");
        run(concat(List.of(kcSh, "import", "--file=" + realmFile), database), env, home, dir.resolve("import.log"));

        Path keystore = dir.resolve("tls.p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "keycloak",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD), Map.of(), dir, dir.resolve("keytool.log"));

        int[] ports = Ports.freePorts(2); // distinct: Keycloak refuses to start with http and https on one port
        int http = ports[0];
        int https = ports[1];
        env.keySet().removeAll(placeholders.keySet()); // the imported realm holds them now
        ManagedProcess kc = ManagedProcess.start("keycloak", concat(List.of(kcSh, "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + http, "--https-port=" + https,
                        "--https-key-store-file=" + keystore, "--https-key-store-password=" + STORE_PASSWORD), database),
                env, home, dir.resolve("keycloak.log"), dir.resolve("pids"));
        String name = realm.path("realm").asText();
        ImportedKeycloak started = new ImportedKeycloak(kc, "https://127.0.0.1:" + https, client(keystore), name);
        try {
            started.awaitRealm();
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The realm's base address, e.g. {@code https://127.0.0.1:port/realms/finmatch}. */
    String realmUrl() {
        return url + "/realms/" + realm;
    }

    /** An HTTP client that trusts this Keycloak's certificate, keeps cookies and follows no redirects. */
    HttpClient http() {
        return http;
    }

    HttpResponse<String> get(String uri, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request to the admin API of the imported realm as the bootstrap administrator; the response must be 2xx. */
    HttpResponse<String> admin(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    JsonNode adminGet(String path) throws IOException, InterruptedException {
        return JSON.readTree(admin("GET", path, null).body());
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = postForm(url + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        if (r.statusCode() != 200) {
            throw new AssertionError("no admin token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private void awaitRealm() {
        try {
            await("Keycloak serving " + realmUrl()).atMost(READY).pollInterval(Duration.ofMillis(500))
                    .failFast("Keycloak exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .until(() -> get(realmUrl() + "/.well-known/openid-configuration", null).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; last lines of " + process.log() + ":\n" + process.tail(30), e);
        }
    }

    /** Runs a command to its end (a one-shot: the import, keytool); fails with its log's tail unless it exits 0. */
    private static void run(List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(READY.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly(); // the process this call started, by its handle
            throw new AssertionError(command.get(0) + " did not finish in " + READY.toSeconds() + " s:\n" + ManagedProcess.tail(log, 30));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command.subList(0, 2)) + " failed (" + p.exitValue() + "):\n"
                    + ManagedProcess.tail(log, 30));
        }
    }

    private static HttpClient client(Path keystore) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + keystore, e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
