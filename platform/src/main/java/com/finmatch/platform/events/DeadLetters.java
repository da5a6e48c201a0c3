package com.finmatch.platform.events;

import com.finmatch.platform.http.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's dead letters: the records its channels sent to their {@code <topic>.dlq} (read on demand from those
 * topics), and their re-drive. A re-driven record is published again, unchanged (same ce_id, key, payload), to the
 * topic it came from, so it passes through the same idempotent inbox: applied once, whoever had it already.
 * Which ones were re-driven is kept in {@code dead_letter_redrive}; the DLQ topics themselves are append-only.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final String REASON = "dead-letter-reason";
    private static final String CAUSE = "dead-letter-cause";
    private static final String ORIGINAL_TOPIC = "dead-letter-topic";

    /** One dead letter; {@code id} is {@code <dlq topic>:<partition>:<offset>}. */
    public record DeadLetter(@Size(max = 300) String id, @Size(max = 200) String channel,
            @Size(max = 249) String topic, @Size(max = 200) String eventId, @Size(max = 200) String type,
            @Size(max = 1000) String key, @Size(max = 4000) String reason, @Size(max = 4000) String cause,
            Instant deadAt, Instant redrivenAt, @Size(max = 1_048_576) String payload) {
    }

    /** What a re-drive of all did. */
    public record Redriven(@Min(0) @Max(Integer.MAX_VALUE) int redriven) {
    }

    @Inject
    Config config;

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClients kafka;

    private final Map<String, Long> pendingByTopic = new ConcurrentHashMap<>();

    /** The dead-letter topics of this service's channels, each with its channel. */
    public Map<String, String> topics() {
        Map<String, String> topics = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_TOPIC.matcher(name);
            if (m.matches() && "dead-letter-queue".equals(config.getOptionalValue(
                    "mp.messaging.incoming." + m.group(1) + ".failure-strategy", String.class).orElse(""))) {
                topics.put(config.getValue(name, String.class), m.group(1));
            }
        }
        return topics;
    }

    /** The dead letters not re-driven yet (all of them with {@code includeRedriven}), oldest first. */
    public List<DeadLetter> list(boolean includeRedriven) {
        Map<String, Instant> redriven = redriven();
        List<DeadLetter> letters = new ArrayList<>();
        topics().forEach((topic, channel) -> read(topic, record -> {
            DeadLetter letter = letter(channel, record, redriven.get(id(record)));
            if (includeRedriven || letter.redrivenAt() == null) {
                letters.add(letter);
            }
        }));
        return letters;
    }

    /** Re-publishes one dead letter to its topic; 404 for an unknown one, 409 if it was re-driven already. */
    public DeadLetter redrive(String id, String by) {
        String[] parts = id.split(":");
        if (parts.length != 3 || !topics().containsKey(parts[0]) || !parts[1].matches("\\d{1,9}")
                || !parts[2].matches("\\d{1,18}")) {
            throw ProblemException.notFound("dead letter");
        }
        if (redriven().containsKey(id)) {
            throw ProblemException.conflict("dead letter " + id + " was re-driven already");
        }
        ConsumerRecord<String, String> record = readOne(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        if (record == null) {
            throw ProblemException.notFound("dead letter");
        }
        try (KafkaProducer<String, String> producer = producer()) {
            republish(producer, record, by);
        }
        refresh();
        return letter(topics().get(parts[0]), record, Instant.now());
    }

    /** Re-publishes every dead letter not re-driven yet, oldest first. */
    public Redriven redriveAll(String by) {
        Map<String, Instant> redriven = redriven();
        int[] count = {0};
        try (KafkaProducer<String, String> producer = producer()) {
            topics().keySet().forEach(topic -> read(topic, record -> {
                if (!redriven.containsKey(id(record))) {
                    republish(producer, record, by);
                    count[0]++;
                }
            }));
        }
        refresh();
        return new Redriven(count[0]);
    }

    /** Dead letters not re-driven, per DLQ topic, as of the last refresh (every 30 s and after each re-drive). */
    public Map<String, Long> pending() {
        return Map.copyOf(pendingByTopic);
    }

    @Scheduled(every = "${finmatch.dlq.refresh-interval:30s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, Long> done = redrivenPerTopic();
            for (String topic : topics().keySet()) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                long total = 0;
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions, Duration.ofSeconds(5)).entrySet()) {
                    total += end.getValue() - begin.getOrDefault(end.getKey(), 0L);
                }
                pendingByTopic.put(topic, Math.max(0, total - done.getOrDefault(topic, 0L)));
            }
        } catch (RuntimeException e) {
            LOG.debugf("dead-letter counts not refreshed: %s", e.toString());
        }
    }

    private void republish(KafkaProducer<String, String> producer, ConsumerRecord<String, String> dead, String by) {
        String topic = header(dead, ORIGINAL_TOPIC);
        if (topic == null) {
            topic = dead.topic().replaceFirst("\\.dlq$", "");
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(topic, dead.key(), dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                again.headers().add(h);
            }
        }
        try {
            producer.send(again).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not re-publish dead letter " + id(dead) + ": " + e, e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into dead_letter_redrive (dlq_topic, dlq_partition, dlq_offset, event_id, redriven_at,"
                        + " redriven_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, dead.topic());
            s.setInt(2, dead.partition());
            s.setLong(3, dead.offset());
            s.setString(4, header(dead, CloudEventHeaders.ID));
            s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(6, by);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LOG.infof("dead letter %s (ce_id %s) re-driven to %s by %s", id(dead), header(dead, CloudEventHeaders.ID),
                topic, by);
    }

    private void read(String topic, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private ConsumerRecord<String, String> readOne(String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (partitions(consumer, topic).stream().noneMatch(tp::equals)
                    || offset >= consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp)) {
                return null;
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        return null; // removed by retention
                    }
                }
            }
            return null;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(10));
        for (PartitionInfo info : all.getOrDefault(topic, List.of())) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    private Map<String, Instant> redriven() {
        Map<String, Instant> done = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select dlq_topic, dlq_partition, dlq_offset, redriven_at from dead_letter_redrive");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                done.put(rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return done;
    }

    private Map<String, Long> redrivenPerTopic() {
        Map<String, Long> done = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select dlq_topic, count(*) from dead_letter_redrive group by dlq_topic");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                done.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return done;
    }

    private static DeadLetter letter(String channel, ConsumerRecord<String, String> r, Instant redrivenAt) {
        String payload = r.value() == null ? null : r.value().length() > 2000 ? r.value().substring(0, 2000) + "…" : r.value();
        String topic = header(r, ORIGINAL_TOPIC);
        return new DeadLetter(id(r), channel, topic != null ? topic : r.topic().replaceFirst("\\.dlq$", ""),
                header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE), r.key(), header(r, REASON),
                header(r, CAUSE), Instant.ofEpochMilli(r.timestamp()), redrivenAt, payload);
    }

    private static String id(ConsumerRecord<String, String> r) {
        return r.topic() + ":" + r.partition() + ":" + r.offset();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        return kafka.consumer(Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"));
    }

    private KafkaProducer<String, String> producer() {
        return kafka.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0", ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000"));
    }
}
