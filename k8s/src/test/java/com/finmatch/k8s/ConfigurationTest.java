package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the containers are told: every ConfigMap or Secret key a container or volume names exists (rendered, made by an
 * operator, or one of the Secrets created out of band that k8s/README.md lists), and no variable sets a Quarkus
 * property fixed when the image was built (Quarkus ignores it at run time, so the setting would silently not apply).
 */
class ConfigurationTest {

    /** Secrets created out of band (sealed secret or vault), with their keys: k8s/README.md, "Secrets". */
    static final Map<String, Set<String>> OUT_OF_BAND = Map.of("finmatch-oidc", Set.of("api-secret", "web-secret"),
            "finmatch-smtp", Set.of("host", "port", "username", "password", "from"),
            "finmatch-notification", Set.of("unsubscribe-secret"));

    /** Keys of the Secret CloudNativePG makes for a cluster's application user ({@code <cluster>-app}). */
    private static final Set<String> CNPG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "pgpass");

    /** Keys of the Secret Strimzi makes with its cluster CA's certificate ({@code <cluster>-cluster-ca-cert}). */
    private static final Set<String> CLUSTER_CA_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

    /** Keys of the Secret Strimzi's user operator makes for a SCRAM-SHA-512 KafkaUser. */
    private static final Set<String> SCRAM_USER_KEYS = Set.of("password", "sasl.jaas.config");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldNameOnlyKeysThatExist(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        m.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                c.getData() == null ? Set.of() : c.getData().keySet()));
        Map<String, Set<String>> secrets = new HashMap<>(OUT_OF_BAND);
        m.documents("Cluster").forEach(c -> secrets.put(c.path("metadata").path("name").asText() + "-app", CNPG_APP_KEYS));
        m.all(KafkaUser.class).forEach(u -> secrets.put(u.getMetadata().getName(), SCRAM_USER_KEYS));
        m.all(Kafka.class).forEach(k -> secrets.put(k.getMetadata().getName() + "-cluster-ca-cert", CLUSTER_CA_KEYS));
        List<String> missing = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getSecret() == null) {
                    continue;
                }
                Set<String> keys = secrets.get(v.getSecret().getSecretName());
                if (keys == null) {
                    missing.add(d.getMetadata().getName() + ": volume " + v.getName() + " ← Secret " + v.getSecret().getSecretName());
                } else if (v.getSecret().getItems() != null) {
                    v.getSecret().getItems().stream().filter(i -> !keys.contains(i.getKey())).forEach(i -> missing.add(
                            d.getMetadata().getName() + ": volume " + v.getName() + " ← Secret "
                                    + v.getSecret().getSecretName() + " key " + i.getKey()));
                }
            }
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String who = d.getMetadata().getName() + "/" + c.getName() + ": ";
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                        missing.add(who + "ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                        missing.add(who + "Secret " + from.getSecretRef().getName());
                    }
                }
                for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null && !configMaps.getOrDefault(cm.getName(), Set.of()).contains(cm.getKey())) {
                        missing.add(who + e.getName() + " ← ConfigMap " + cm.getName() + " key " + cm.getKey());
                    }
                    var s = e.getValueFrom().getSecretKeyRef();
                    if (s != null && !secrets.getOrDefault(s.getName(), Set.of()).contains(s.getKey())) {
                        missing.add(who + e.getName() + " ← Secret " + s.getName() + " key " + s.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), missing, overlay + ": keys that do not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldSetNoQuarkusPropertyFixedAtBuildTime(String overlay) throws IOException {
        Manifests m = Manifests.of(overlay);
        Map<String, String> fixed = buildTimeVariables();
        Map<String, Set<String>> configMaps = new HashMap<>();
        m.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(),
                c.getData() == null ? Set.of() : c.getData().keySet()));
        List<String> ignored = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                List<String> names = new ArrayList<>();
                (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).forEach(e -> names.add(e.getName()));
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        names.addAll(configMaps.getOrDefault(from.getConfigMapRef().getName(), Set.of()));
                    }
                }
                names.stream().filter(fixed::containsKey).forEach(n -> ignored.add(d.getMetadata().getName() + ": "
                        + n + " (" + fixed.get(n) + ")"));
            }
        }
        assertEquals(List.of(), ignored, overlay + ": variables naming properties fixed at build time");
    }

    @Test
    void shouldKnowTheBuildTimePropertiesOfTheServicesExtensions() throws IOException {
        Map<String, String> fixed = buildTimeVariables();
        assertTrue(fixed.containsKey("QUARKUS_OTEL_TRACES_EXPORTER"), "the OpenTelemetry extension's model was not read");
        assertTrue(fixed.containsKey("QUARKUS_DATASOURCE_DB_KIND"), "the datasource extension's model was not read");
    }

    /**
     * Environment variable → property of every property the services' Quarkus extensions fix at build time, read
     * from the configuration model each extension ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json};
     * the services are this module's test dependencies, so their extensions are on the class path).
     */
    private static Map<String, String> buildTimeVariables() throws IOException {
        Map<String, String> fixed = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL model : Collections.list(ConfigurationTest.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (InputStream in = model.openStream()) {
                collect(json.readTree(in), fixed);
            }
        }
        return fixed;
    }

    private static void collect(JsonNode node, Map<String, String> fixed) {
        if (node.has("phase") && node.path("path").has("environmentVariable")) {
            String phase = node.path("phase").asText();
            if (phase.equals("BUILD_TIME") || phase.equals("BUILD_AND_RUN_TIME_FIXED")) {
                fixed.put(node.path("path").path("environmentVariable").asText(),
                        node.path("path").path("property").asText() + " is " + phase);
            }
            return;
        }
        node.forEach(child -> collect(child, fixed));
    }
}
