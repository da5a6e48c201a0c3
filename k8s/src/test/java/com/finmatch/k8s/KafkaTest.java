package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka as each overlay declares it: a Kafka version the pinned Strimzi runs, a KafkaTopic and its dead-letter topic
 * for every topic of docs/EVENTS.md, and no replication factor or min.insync.replicas the overlay's brokers cannot
 * give (a topic asking for more is never created).
 */
class KafkaTest {

    /** The Kafka versions Strimzi 1.2.0 (k8s/pom.xml strimzi.version) runs, from its release notes. */
    private static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.2.0", "4.2.1", "4.3.0", "4.3.1");

    private static final Pattern TOPIC_HEADING = Pattern.compile("(?m)^## ([a-z]+\\.events) — producer ");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldRunAKafkaVersionOfThePinnedOperator(String overlay) {
        List<Kafka> clusters = Manifests.of(overlay).all(Kafka.class);
        assertEquals(1, clusters.size(), overlay + ": one Kafka cluster");
        String version = clusters.get(0).getSpec().getKafka().getVersion();
        assertTrue(STRIMZI_KAFKA_VERSIONS.contains(version),
                overlay + ": Kafka " + version + " is not one Strimzi 1.2.0 runs " + STRIMZI_KAFKA_VERSIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldDeclareEveryTopicOfTheEventsDocumentWithItsDeadLetterTopic(String overlay) throws IOException {
        Set<String> declared = new TreeSet<>();
        Manifests.of(overlay).all(KafkaTopic.class).forEach(t -> declared.add(t.getSpec().getTopicName()));
        Set<String> wanted = new TreeSet<>();
        Matcher heading = TOPIC_HEADING.matcher(Files.readString(Manifests.ROOT.resolve("docs/EVENTS.md")));
        while (heading.find()) {
            wanted.add(heading.group(1));
            wanted.add(heading.group(1) + ".dlq");
        }
        assertTrue(wanted.size() >= 10, "docs/EVENTS.md names " + wanted.size() / 2 + " topics");
        assertEquals(wanted, declared, overlay + ": the KafkaTopics are not the topics of docs/EVENTS.md and their DLQs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldAskForNoMoreReplicasThanTheOverlayHasBrokers(String overlay) {
        Manifests m = Manifests.of(overlay);
        int brokers = m.all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertTrue(brokers >= 1, overlay + " has no broker");
        Map<String, Object> cluster = m.all(Kafka.class).get(0).getSpec().getKafka().getConfig();
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor", "min.insync.replicas", "transaction.state.log.min.isr")) {
            int value = Integer.parseInt(String.valueOf(cluster.getOrDefault(key, 1)));
            assertTrue(value <= brokers, overlay + ": Kafka " + key + " " + value + " > " + brokers + " broker(s)");
        }
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            int replicas = t.getSpec().getReplicas();
            Object isr = t.getSpec().getConfig() == null ? null : t.getSpec().getConfig().get("min.insync.replicas");
            String name = t.getSpec().getTopicName();
            assertTrue(replicas <= brokers, overlay + ": " + name + " asks for " + replicas + " replicas of " + brokers);
            assertTrue(isr == null || Integer.parseInt(String.valueOf(isr)) <= replicas,
                    overlay + ": " + name + " min.insync.replicas " + isr + " > replicas " + replicas);
        }
    }
}
