package com.finmatch.testing.badinput;

import com.finmatch.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Poison records — no CloudEvents headers, a bad {@code ce_time}, no payload, no JSON, JSON that is no object, JSON
 * nested deeper or with a number longer than the parser allows — sent to every topic the service under test
 * consumes (read from its {@code mp.messaging.incoming.*.topic} settings, so a new consumer is covered). Each must
 * arrive in {@code <topic>.dlq} with a {@code dead-letter-reason}, and a last poison record sent after them all
 * shows that the consumer went on past each.
 */
public final class PoisonRecords {

    private PoisonRecords() {
    }

    /** The topics the service under test consumes. */
    public static List<String> consumedTopics() {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic") && !name.contains(".dead-letter-queue.")) {
                topics.add(ConfigProvider.getConfig().getValue(name, String.class));
            }
        }
        return List.copyOf(topics);
    }

    /** Sends the poison records to every consumed topic; returns what went wrong (empty: nothing). */
    public static List<String> sendToEveryConsumedTopic(Duration timeout) {
        List<String> wrong = new ArrayList<>();
        for (String topic : consumedTopics()) {
            try (TopicProbe dlq = TopicProbe.of(topic + ".dlq")) {
                Map<String, String> sent = new LinkedHashMap<>();
                poisons().forEach((what, record) -> {
                    String key = "poison-" + UUID.randomUUID();
                    TopicProbe.send(topic, key, record.value(), record.headers());
                    sent.put(key, what);
                });
                String last = "poison-" + UUID.randomUUID();
                TopicProbe.send(topic, last, "not JSON", envelope());
                sent.put(last, "the last one");
                Instant deadline = Instant.now().plus(timeout);
                Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
                while (dead.size() < sent.size() && Instant.now().isBefore(deadline)) {
                    try {
                        ConsumerRecord<String, String> r = dlq.await(x -> sent.containsKey(x.key())
                                && !dead.containsKey(x.key()), Duration.between(Instant.now(), deadline));
                        dead.put(r.key(), r);
                    } catch (AssertionError | RuntimeException timedOut) {
                        break;
                    }
                }
                sent.forEach((key, what) -> {
                    ConsumerRecord<String, String> r = dead.get(key);
                    if (r == null) {
                        wrong.add(topic + ": " + what + " did not reach " + topic + ".dlq");
                    } else if (StreamSupport.stream(r.headers().spliterator(), false)
                            .noneMatch(h -> h.key().startsWith("dead-letter-reason"))) {
                        wrong.add(topic + ": " + what + " reached the DLQ without a dead-letter-reason");
                    }
                });
                System.out.printf("poison records on %s: %d sent, %d dead-lettered%n", topic, sent.size(), dead.size());
            }
        }
        return wrong;
    }

    record Poison(String value, Map<String, String> headers) {
    }

    static Map<String, Poison> poisons() {
        Map<String, Poison> all = new LinkedHashMap<>();
        all.put("no headers", new Poison("{}", Map.of()));
        Map<String, String> noId = new HashMap<>(envelope());
        noId.remove("ce_id");
        all.put("no ce_id", new Poison("{}", noId));
        Map<String, String> badTime = new HashMap<>(envelope());
        badTime.put("ce_time", "yesterday");
        all.put("bad ce_time", new Poison("{}", badTime));
        all.put("no payload", new Poison(null, envelope()));
        all.put("not JSON", new Poison("{\"a\": ", envelope()));
        all.put("a JSON array", new Poison("[1, 2, 3]", envelope()));
        all.put("a JSON string", new Poison("\"text\"", envelope()));
        all.put("nesting 2,000 deep", new Poison("[".repeat(2000) + "]".repeat(2000), envelope()));
        all.put("a number of 1,001 digits", new Poison("{\"amount\": " + "9".repeat(1001) + "}", envelope()));
        return all;
    }

    private static Map<String, String> envelope() {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "finmatch.poison.Poison.v1", "ce_source", "poison", "ce_time", Instant.now().toString(),
                "ce_subject", "poison", "content-type", "application/json");
    }
}
