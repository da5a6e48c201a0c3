package com.finmatch.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods an overlay makes, by their labels: each Deployment's template, and the pods the operators make for the
 * custom resources (labels as Strimzi, CloudNativePG and the Keycloak operator set them), so that a selector can be
 * checked against what will run.
 */
record Pods(List<Pod> pods) {

    record Pod(String owner, Map<String, String> labels) {
    }

    static Pods of(Manifests m) {
        List<Pod> pods = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            pods.add(new Pod("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        }
        for (KafkaNodePool pool : m.all(KafkaNodePool.class)) {
            String cluster = pool.getMetadata().getLabels().get("strimzi.io/cluster");
            pods.add(new Pod("KafkaNodePool " + pool.getMetadata().getName(), Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka",
                    "strimzi.io/pool-name", pool.getMetadata().getName())));
        }
        for (Kafka kafka : m.all(Kafka.class)) {
            String cluster = kafka.getMetadata().getName();
            pods.add(new Pod("Kafka " + cluster + " entity operator", Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-entity-operator")));
        }
        for (JsonNode db : m.documents("Cluster")) {
            String name = db.path("metadata").path("name").asText();
            pods.add(new Pod("Cluster " + name, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance")));
        }
        for (JsonNode kc : m.documents("Keycloak")) {
            String name = kc.path("metadata").path("name").asText();
            pods.add(new Pod("Keycloak " + name, Map.of("app", "keycloak", "app.kubernetes.io/instance", name,
                    "app.kubernetes.io/managed-by", "keycloak-operator")));
        }
        return new Pods(pods);
    }

    List<Pod> selectedBy(LabelSelector selector) {
        return pods.stream().filter(p -> matches(selector, p.labels())).toList();
    }

    List<Pod> selectedBy(Map<String, String> labels) {
        return pods.stream().filter(p -> p.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** Kubernetes' label selector semantics; an empty selector selects every pod. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String v = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> v != null && r.getValues().contains(v);
                    case "NotIn" -> v == null || !r.getValues().contains(v);
                    case "Exists" -> v != null;
                    case "DoesNotExist" -> v == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
