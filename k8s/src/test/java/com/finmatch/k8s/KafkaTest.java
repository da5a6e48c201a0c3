package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka as each overlay declares it: a Kafka version the pinned Strimzi runs, a KafkaTopic and its dead-letter topic
 * for every topic of docs/EVENTS.md, only authenticated TLS listeners and a user per service allowed what its
 * channels and events need, and no replication factor or min.insync.replicas the overlay's brokers cannot
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
    void shouldLetEveryServiceDoWhatItsChannelsAndEventsNeedAndAuthenticateEveryClient(String overlay) throws IOException {
        Manifests m = Manifests.of(overlay);
        for (GenericKafkaListener listener : m.all(Kafka.class).get(0).getSpec().getKafka().getListeners()) {
            assertTrue(listener.getAuth() != null && listener.isTls(),
                    overlay + ": listener " + listener.getName() + " lets clients in without TLS and authentication");
        }
        String events = Files.readString(Manifests.ROOT.resolve("docs/EVENTS.md"));
        for (String service : List.of("enterprise-service", "loan-service", "matching-service", "notification-service")) {
            KafkaUser user = m.all(KafkaUser.class).stream().filter(u -> u.getMetadata().getName().equals(service))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no KafkaUser " + service));
            Set<String> granted = new TreeSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource = rule.getResource() instanceof AclRuleTopicResource t ? "topic " + t.getName()
                        : rule.getResource() instanceof AclRuleGroupResource g ? "group " + g.getName() : "other";
                rule.getOperations().forEach(op -> granted.add(resource + " " + op));
            }
            Set<String> needed = new TreeSet<>(needs(service, events));
            needed.removeAll(granted);
            assertEquals(Set.of(), needed, overlay + ": " + service + " may not do what it does");
        }
    }

    /**
     * What a service does on Kafka: writes the topics docs/EVENTS.md names it the producer of; reads each channel's
     * topic as the channel's group, and writes it to redrive a dead letter; writes and reads the channel's
     * dead-letter topic (read from the service's application.properties).
     */
    private static Set<String> needs(String service, String events) throws IOException {
        Set<String> needs = new TreeSet<>();
        Matcher produced = Pattern.compile("(?m)^## ([a-z]+\\.events) — producer " + service + " ").matcher(events);
        while (produced.find()) {
            needs.add("topic " + produced.group(1) + " " + StrimziAclOperation.WRITE);
            needs.add("topic " + produced.group(1) + " " + StrimziAclOperation.DESCRIBE);
        }
        Properties config = new Properties();
        try (var in = Files.newInputStream(Manifests.ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            config.load(in);
        }
        Pattern channel = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z-]+)\\.topic");
        for (String key : config.stringPropertyNames()) {
            Matcher c = channel.matcher(key);
            if (!c.matches()) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + c.group(1) + ".";
            for (String topic : List.of(config.getProperty(key), config.getProperty(prefix + "dead-letter-queue.topic"))) {
                for (StrimziAclOperation op : List.of(StrimziAclOperation.READ, StrimziAclOperation.DESCRIBE, StrimziAclOperation.WRITE)) {
                    needs.add("topic " + topic + " " + op);
                }
            }
            needs.add("group " + config.getProperty(prefix + "group.id") + " " + StrimziAclOperation.READ);
        }
        return needs;
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
