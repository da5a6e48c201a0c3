package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the deployment exposes, read from the manifests as {@code kubectl kustomize} renders them for each overlay:
 * the ingress routes no management endpoint of any application, and Keycloak's realm locks a user after wrong
 * passwords (the local realm too; the lock itself is shown on the real Keycloak by e2e-tests' BruteForceIT).
 */
class DeploymentSecurityTest {

    private static final Path K8S = Path.of("..", "k8s");

    /** Management endpoints of a Quarkus application; none may be reachable from outside. */
    private static final List<String> MANAGEMENT = List.of("/q/metrics", "/q/health", "/q/health/ready",
            "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html", "/q/dev-ui", "/q", "/q/");

    /** What the portal's pages need, still routed. */
    private static final List<String> PORTAL = List.of("/", "/login", "/logout", "/products", "/products/1",
            "/enterprise", "/enterprise/needs/1", "/bank/leads", "/admin/feed/stream", "/static/app.css",
            "/webjars/echarts/5.3.1/dist/echarts.min.js");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "base"})
    void shouldRouteNoManagementEndpointThroughTheIngress(String dir) throws Exception {
        List<JsonNode> ingresses = kind(render(dir), "Ingress");
        assertFalse(ingresses.isEmpty(), "no Ingress rendered in " + dir);
        for (JsonNode ingress : ingresses) {
            assertTrue(ingress.path("spec").path("defaultBackend").isMissingNode(),
                    "a default backend would route every path");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText();
                for (String path : MANAGEMENT) {
                    for (JsonNode p : rule.path("http").path("paths")) {
                        assertFalse(matches(p, path), dir + ": " + host + path + " is routed by " + p);
                    }
                }
            }
        }
        JsonNode portal = host(ingresses, "finmatch.example");
        for (String path : PORTAL) {
            assertTrue(routed(portal, path), dir + ": the portal's " + path + " is not routed");
        }
        JsonNode api = host(ingresses, "api.finmatch.example");
        assertTrue(routed(api, "/api/v1/products"), dir + ": the catalogue is not routed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldTurnOnBruteForceDetectionInTheImportedRealm(String dir) throws Exception {
        List<JsonNode> imports = kind(render(dir), "KeycloakRealmImport");
        assertFalse(imports.isEmpty(), "no KeycloakRealmImport in " + dir);
        for (JsonNode realmImport : imports) {
            assertLocksUsers(realmImport.path("spec").path("realm"));
        }
    }

    @Test
    void shouldTurnOnBruteForceDetectionInTheLocalRealm() throws Exception {
        assertLocksUsers(Http.JSON.readTree(Stack.readResource("finmatch-realm.json")));
    }

    private static void assertLocksUsers(JsonNode realm) {
        String name = realm.path("realm").asText();
        assertTrue(realm.path("bruteForceProtected").asBoolean(false), name + ": bruteForceProtected is off");
        int failures = realm.path("failureFactor").asInt(30);
        assertTrue(failures >= 3 && failures <= 10, name + ": failureFactor " + failures + " is not in 3..10");
        assertTrue(realm.path("waitIncrementSeconds").asInt(0) >= 30, name + ": the lock lasts under 30 s");
        assertFalse(realm.path("permanentLockout").asBoolean(false),
                name + ": a permanent lockout lets anyone disable any account");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static boolean routed(JsonNode rule, String path) {
        for (JsonNode p : rule.path("http").path("paths")) {
            if (matches(p, path)) {
                return true;
            }
        }
        return false;
    }

    /** Kubernetes' matching: Exact is the whole path; Prefix matches whole path elements. */
    static boolean matches(JsonNode ingressPath, String path) {
        String p = ingressPath.path("path").asText("/");
        String type = ingressPath.path("pathType").asText();
        if ("Exact".equals(type)) {
            return p.equals(path);
        }
        if (!"Prefix".equals(type)) {
            return path.startsWith(p); // ImplementationSpecific: assume the broadest reading
        }
        String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static JsonNode host(List<JsonNode> ingresses, String host) {
        for (JsonNode ingress : ingresses) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (host.equals(rule.path("host").asText())) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no ingress rule for " + host);
    }

    private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static List<JsonNode> render(String dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(dir).toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + dir + " failed: " + yaml);
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                    .readValues(yaml)) {
                while (it.hasNext()) {
                    docs.add(it.next());
                }
            }
            return docs;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
