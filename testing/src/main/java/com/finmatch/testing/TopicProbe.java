package com.finmatch.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a topic from the moment the probe is created (records already there are skipped), for asserting what a
 * service published. Also sends raw records, to play another service.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(p);
        ensureTopic(bootstrapServers, topic);
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The topic's partitions, once its (new) metadata has reached this consumer. */
    private List<TopicPartition> partitionsOf(String topic) {
        return org.awaitility.Awaitility.await("partitions of " + topic).atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList()),
                        partitions -> !partitions.isEmpty());
    }

    public static TopicProbe of(String topic) {
        return new TopicProbe(TestKafka.get().bootstrapServers(), topic);
    }

    /** Waits until a record matching the predicate arrives and returns it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (ConsumerRecord<String, String> r : seen) {
                if (match.test(r)) {
                    return r;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching record within " + timeout + "; seen: " + describe());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match) {
        return await(match, Duration.ofSeconds(20));
    }

    /** Every record read so far, in arrival order. */
    public List<ConsumerRecord<String, String>> seen() {
        consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String ceType) {
        return r -> ceType.equals(header(r, "ce_type"));
    }

    public static Predicate<ConsumerRecord<String, String>> ofTypeAndSubject(String ceType, String subject) {
        return r -> ceType.equals(header(r, "ce_type")) && subject.equals(header(r, "ce_subject"));
    }

    /** Sends one raw record with the given headers, as another service's relay would. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestKafka.get().bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static void ensureTopic(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1))).all()
                        .get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String describe() {
        return seen.stream().map(r -> header(r, "ce_type") + "/" + r.key()).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
