package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the operators run for an overlay: Kafka, PostgreSQL and Keycloak sized (requests and a memory limit), every
 * PostgreSQL cluster archiving its WAL to a declared object store and backed up nightly, and Keycloak answering on
 * the host the applications are told, with the realm sending users back to the overlay's own portal and locking
 * users after wrong passwords as the local realm does.
 */
class OperatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldSizeEveryOperatorWorkload(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> unsized = new ArrayList<>();
        for (KafkaNodePool pool : m.all(KafkaNodePool.class)) {
            if (!sized(pool.getSpec().getResources())) {
                unsized.add("KafkaNodePool " + pool.getMetadata().getName());
            }
        }
        for (Kafka kafka : m.all(Kafka.class)) {
            if (!sized(kafka.getSpec().getEntityOperator().getTopicOperator().getResources())) {
                unsized.add("Kafka " + kafka.getMetadata().getName() + " topic operator");
            }
        }
        for (String kind : List.of("Cluster", "Keycloak")) {
            for (JsonNode o : m.documents(kind)) {
                JsonNode r = o.path("spec").path("resources");
                if (!r.path("requests").has("cpu") || !r.path("requests").has("memory") || !r.path("limits").has("memory")) {
                    unsized.add(kind + " " + o.path("metadata").path("name").asText());
                }
            }
        }
        assertEquals(List.of(), unsized, overlay + ": without requests and a memory limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldBackUpEveryDatabase(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> stores = m.documents("ObjectStore").stream()
                .filter(s -> !s.path("spec").path("retentionPolicy").asText().isEmpty())
                .map(s -> s.path("metadata").path("name").asText()).collect(Collectors.toSet());
        Set<String> scheduled = m.documents("ScheduledBackup").stream()
                .map(b -> b.path("spec").path("cluster").path("name").asText()).collect(Collectors.toSet());
        List<JsonNode> clusters = m.documents("Cluster");
        assertFalse(clusters.isEmpty(), overlay + " has no PostgreSQL cluster");
        for (JsonNode c : clusters) {
            String name = c.path("metadata").path("name").asText();
            boolean archived = false;
            for (JsonNode plugin : c.path("spec").path("plugins")) {
                archived |= plugin.path("isWALArchiver").asBoolean(false)
                        && stores.contains(plugin.path("parameters").path("barmanObjectName").asText());
            }
            assertTrue(archived, overlay + ": " + name + " archives no WAL to a declared object store with retention");
            assertTrue(scheduled.contains(name), overlay + ": " + name + " has no ScheduledBackup");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldSignInOnTheOverlaysOwnHosts(String overlay) {
        Manifests m = Manifests.of(overlay);
        String issuer = m.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith("finmatch-config"))
                .findFirst().orElseThrow().getData().get("QUARKUS_OIDC_AUTH_SERVER_URL");
        JsonNode keycloak = m.documents("Keycloak").get(0);
        assertEquals(URI.create(issuer).getHost(), keycloak.path("spec").path("hostname").path("hostname").asText(),
                overlay + ": the applications trust tokens of another Keycloak host than the one deployed");
        String portal = m.all(Ingress.class).get(0).getSpec().getRules().stream().map(r -> r.getHost())
                .filter(h -> !h.startsWith("api.")).findFirst().orElseThrow();
        for (JsonNode realm : m.documents("KeycloakRealmImport")) {
            for (JsonNode client : realm.path("spec").path("realm").path("clients")) {
                for (JsonNode uri : client.path("redirectUris")) {
                    assertEquals(portal, URI.create(uri.asText().replace("*", "")).getHost(), overlay + ": "
                            + client.path("clientId").asText() + " sends users back to another host than the portal's");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldLockUsersAfterWrongPasswordsAsTheLocalRealmDoes(String overlay) throws IOException {
        JsonNode local = new ObjectMapper().readTree(Manifests.ROOT.resolve(
                "devstack/src/main/resources/com/finmatch/devstack/finmatch-realm.json").toFile());
        List<JsonNode> imports = Manifests.of(overlay).documents("KeycloakRealmImport");
        assertFalse(imports.isEmpty(), overlay + " imports no realm");
        for (JsonNode realmImport : imports) {
            JsonNode realm = realmImport.path("spec").path("realm");
            for (String setting : BRUTE_FORCE) {
                assertEquals(local.path(setting), realm.path(setting), overlay + ": " + setting
                        + " differs from the local realm's (devstack RealmSecurityTest checks those)");
            }
        }
    }

    /** Keycloak's brute-force detection settings. */
    private static final List<String> BRUTE_FORCE = List.of("bruteForceProtected", "permanentLockout", "failureFactor",
            "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds", "quickLoginCheckMilliSeconds",
            "minimumQuickLoginWaitSeconds");

    private static boolean sized(ResourceRequirements r) {
        return r != null && r.getRequests() != null && r.getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                && r.getLimits() != null && r.getLimits().containsKey("memory");
    }
}
