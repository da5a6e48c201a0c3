package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One realm for both stacks: {@code k8s/infra/realm-import.yaml} is made from the local stack's realm
 * ({@code devstack/…/finmatch-realm.json}) — the same roles, clients' mappers, user profile ({@code bank_id}),
 * brute-force and token settings — without the local demo users, the local CLI client and the demo banks' API
 * clients, with TLS required, the portal's public address, and the confidential clients' secrets taken from the
 * {@code finmatch-oidc} Secret by the operator's placeholders. The test fails when the committed file is not what the
 * local realm makes; {@code -Drealm.refresh=true} writes it.
 */
class RealmImportTest {

    static final Path LOCAL = Manifests.ROOT.resolve("devstack/src/main/resources/com/finmatch/devstack/finmatch-realm.json");
    static final Path IMPORT = Manifests.K8S.resolve("infra/realm-import.yaml");

    /** The clients a deployment has; bank API clients are created per bank by administrators. */
    private static final Set<String> CLIENTS = Set.of("finmatch-api", "finmatch-web");

    /** Client → the placeholder of its secret, and the Secret key the operator reads it from. */
    private static final Map<String, String[]> SECRETS = Map.of(
            "finmatch-api", new String[] {"FINMATCH_API_SECRET", "api-secret"},
            "finmatch-web", new String[] {"FINMATCH_WEB_SECRET", "web-secret"});

    private static final String PORTAL = "https://finmatch.example";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Test
    void shouldImportTheLocalRealmIntoKubernetes() throws IOException {
        String made = "# Made from devstack/src/main/resources/com/finmatch/devstack/finmatch-realm.json by the k8s module's\n"
                + "# RealmImportTest (-Drealm.refresh=true); edit the local realm, not this file.\n"
                + YAML.writeValueAsString(realmImport(new ObjectMapper().readTree(LOCAL.toFile())));
        if (Boolean.getBoolean("realm.refresh")) {
            Files.writeString(IMPORT, made, StandardCharsets.UTF_8);
        }
        assertEquals(made, Files.exists(IMPORT) ? Files.readString(IMPORT, StandardCharsets.UTF_8) : "",
                "k8s/infra/realm-import.yaml is not what the local realm makes: refresh it with -Drealm.refresh=true");
    }

    @Test
    void shouldTakeEverySecretFromASecretThatExists() throws IOException {
        JsonNode spec = YAML.readTree(IMPORT.toFile()).path("spec");
        for (JsonNode client : spec.path("realm").path("clients")) {
            String secret = client.path("secret").asText();
            assertTrue(secret.matches("\\$\\{[A-Z_]+}"), client.path("clientId").asText() + " has a secret written in the file");
            JsonNode ref = spec.path("placeholders").path(secret.substring(2, secret.length() - 1)).path("secret");
            assertTrue(ConfigurationTest.OUT_OF_BAND.getOrDefault(ref.path("name").asText(), Set.of())
                    .contains(ref.path("key").asText()), secret + " names no key of a Secret listed in k8s/README.md");
        }
        assertTrue(spec.path("realm").path("users").isMissingNode(), "the import carries users");
        assertTrue(spec.path("realm").path("clientScopes").isMissingNode(),
                "clientScopes would stop Keycloak from creating its built-in scopes (roles, profile, …)");
    }

    private static ObjectNode realmImport(JsonNode local) {
        ObjectNode realm = local.deepCopy();
        realm.remove("users");
        realm.put("sslRequired", "all");
        ArrayNode clients = realm.putArray("clients");
        ObjectNode placeholders = YAML.createObjectNode();
        for (JsonNode c : local.path("clients")) {
            String id = c.path("clientId").asText();
            if (!CLIENTS.contains(id)) {
                continue;
            }
            ObjectNode client = c.deepCopy();
            String[] secret = SECRETS.get(id);
            client.put("secret", "${" + secret[0] + "}");
            placeholders.putObject(secret[0]).putObject("secret").put("name", "finmatch-oidc").put("key", secret[1]);
            if (client.has("redirectUris")) {
                client.put("rootUrl", PORTAL);
                client.putArray("redirectUris").add(PORTAL + "/*");
                ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", PORTAL + "/*");
            }
            clients.add(client);
        }
        ObjectNode cr = YAML.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "finmatch-realm");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "finmatch-sso");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return cr;
    }
}
