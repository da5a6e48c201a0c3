package com.finmatch.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One overlay as {@code kubectl kustomize} renders it, every object loaded into the model of its kind: Kubernetes'
 * own kinds as fabric8 models them, Strimzi's as the pinned operator's API ({@code io.strimzi:api}) models them. A
 * kind or API version neither knows fails the load, and so does a field the model does not have ({@link Strict}).
 */
record Manifests(String overlay, List<JsonNode> documents, List<HasMetadata> objects) {

    static final Path K8S = Path.of(".").toAbsolutePath().normalize();
    static final Path ROOT = K8S.getParent();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** apiVersion/kind → the model it must load into. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /**
     * Kinds of the CloudNativePG and Keycloak operators: no Java model of theirs is published, so they are read as
     * JSON by the checks that need them (named, not silently skipped).
     */
    static final Set<String> UNMODELLED = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** The overlay rendered and loaded once per test run. */
    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                return render(o);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Manifests render(String overlay) throws IOException, InterruptedException {
        List<JsonNode> documents = parse(kustomize(overlay));
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode d : documents) {
            String type = type(d);
            Class<? extends HasMetadata> model = MODELS.get(type);
            if (model != null) {
                objects.add(YAML.treeToValue(d, model));
            } else if (!UNMODELLED.contains(type)) {
                throw new AssertionError(overlay + ": " + type + " " + d.path("metadata").path("name").asText()
                        + " is no kind of Kubernetes or of the pinned operators");
            }
        }
        return new Manifests(overlay, documents, objects);
    }

    static String type(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<JsonNode> documents(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static String kustomize(String overlay) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(overlay).toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
                kubectl.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 60 s");
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            if (kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + yaml);
            }
            return yaml;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }
}
