package com.finmatch.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka in sequence order and marks them sent. Woken right after each commit
 * that wrote events; a poll every {@code finmatch.outbox.poll-interval} is the fallback (broker down, restarts).
 * One relay at a time per database (advisory lock), so the order holds with several service instances too.
 * Delivery is at least once: a crash between send and mark re-sends, and consumers deduplicate on ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @ConfigProperty(name = "finmatch.outbox.batch-size", defaultValue = "500")
    int batchSize;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long backoffUntil;
    private KafkaProducer<String, String> producer;

    void onStart(@Observes StartupEvent event) {
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    @Scheduled(every = "${finmatch.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (System.currentTimeMillis() >= backoffUntil) {
            wake();
        }
    }

    /** Asks for a drain of the outbox soon; calls while one is pending coalesce. */
    public void wake() {
        if (!stopped && pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Number of committed events not yet published (for health and tests). */
    public long unsent() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where sent_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void drain() {
        pending.set(false);
        try {
            while (!stopped && publishBatch() == batchSize) {
                // a full batch: there may be more
            }
            backoffUntil = 0;
        } catch (Exception e) {
            backoffUntil = System.currentTimeMillis() + 2000;
            LOG.warnf("outbox relay could not publish (will retry): %s", e.toString());
        }
    }

    private int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int published = publishBatch(c);
                c.commit();
                return published;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is relaying
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select id, topic, aggregate_id, type, payload, traceparent,"
                + " created_at from outbox_event where sent_at is null order by seq limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                            rs.getString(5));
                    header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
                    header(record, CloudEventHeaders.ID, id.toString());
                    header(record, CloudEventHeaders.TYPE, rs.getString(4));
                    header(record, CloudEventHeaders.SOURCE, outbox.source());
                    header(record, CloudEventHeaders.TIME, rs.getObject(7, java.time.OffsetDateTime.class)
                            .withOffsetSameInstant(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                    header(record, CloudEventHeaders.SUBJECT, rs.getString(3));
                    header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                    if (rs.getString(6) != null) {
                        header(record, CloudEventHeaders.TRACEPARENT, rs.getString(6));
                    }
                    ids.add(id);
                    Future<RecordMetadata> send = producer().send(record);
                    sends.add(send);
                    if (failedAlready(send)) {
                        break; // e.g. the broker is unreachable: don't wait on every row of the batch
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer().flush();
        // Mark the prefix that Kafka acknowledged; the rest is tried again (in order) on the next drain.
        int acknowledged = 0;
        Exception failure = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
                acknowledged++;
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        if (acknowledged > 0) {
            try (PreparedStatement mark = c.prepareStatement("update outbox_event set sent_at = now() where id = any(?)")) {
                Array array = c.createArrayOf("uuid", ids.subList(0, acknowledged).toArray());
                mark.setArray(1, array);
                mark.executeUpdate();
            }
        }
        if (failure != null) {
            c.commit();
            throw failure;
        }
        return ids.size();
    }

    private static boolean failedAlready(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0"); // Kafka 4 defaults to 5 ms: a latency path
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, outbox.source() + "-outbox-relay");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
