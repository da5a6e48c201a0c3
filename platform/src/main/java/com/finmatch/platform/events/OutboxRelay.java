package com.finmatch.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka in sequence order and marks them sent. Woken right after each commit
 * that wrote events; a poll every {@code finmatch.outbox.poll-interval} is the fallback (broker down, restarts).
 * One relay at a time per database (advisory lock), so the order holds with several service instances too.
 * Delivery is at least once: a crash between send and mark re-sends, and consumers deduplicate on ce_id. A row
 * that Kafka keeps refusing is parked (with its error) instead of blocking every later event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "finmatch.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /** Refusals by Kafka (too large, invalid or unknown topic) after which a row is parked. */
    @ConfigProperty(name = "finmatch.outbox.max-attempts", defaultValue = "5")
    int maxAttempts;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long backoffUntil;
    private final AtomicLong sendFailures = new AtomicLong();
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
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
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

    /** Number of committed events not yet published, parked ones included (for health and tests). */
    public long unsent() {
        return longQuery("select count(*) from outbox_event where sent_at is null");
    }

    /** Committed events parked because Kafka refused them (see {@link #publishBatch(Connection)}). */
    public long parked() {
        return longQuery("select count(*) from outbox_event where parked_at is not null");
    }

    /** Seconds since the oldest committed, unsent and not parked event was written; 0 when there is none. */
    public long oldestUnsentAgeSeconds() {
        return longQuery("select coalesce(extract(epoch from now() - min(created_at)), 0)::bigint from outbox_event"
                + " where sent_at is null and parked_at is null");
    }

    /** Sends Kafka failed since start (each one retried, and parked after repeated refusals). */
    public long sendFailures() {
        return sendFailures.get();
    }

    private long longQuery(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
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
            while (!stopped && publishBatch()) {
                // a full batch, or a row parked: there may be more
            }
            backoffUntil = 0;
        } catch (Exception e) {
            backoffUntil = System.currentTimeMillis() + 2000;
            LOG.warnf("outbox relay could not publish (will retry): %s", e.toString());
        }
    }

    private boolean publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean more = publishBatch(c);
                c.commit();
                return more;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Publishes the oldest unsent rows in order and marks the prefix Kafka acknowledged. At the first failure the
     * rest waits for the next drain (in order); a row that Kafka itself refuses (too large, an invalid or unknown
     * topic — while the cluster answers) counts an attempt, and after {@code finmatch.outbox.max-attempts} it is
     * parked with its error so that the events behind it go on. A fatal producer error replaces the producer.
     *
     * @return true when there may be more to publish at once
     */
    private boolean publishBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false; // another instance is relaying
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select id, topic, aggregate_id, type, payload, traceparent,"
                + " created_at from outbox_event where sent_at is null and parked_at is null order by seq limit ?")) {
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
                    topics.add(record.topic());
                    Future<RecordMetadata> send = send(record);
                    sends.add(send);
                    if (failedAlready(send)) {
                        break; // e.g. the broker is unreachable: don't wait on every row of the batch
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return false;
        }
        flush();
        // Mark the prefix that Kafka acknowledged; the rest is tried again (in order) on the next drain.
        int acknowledged = 0;
        Exception failure = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
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
        if (failure == null) {
            return ids.size() == batchSize;
        }
        sendFailures.incrementAndGet();
        if (refusedByKafka(failure, topics.get(acknowledged))) {
            if (noteRefusal(c, ids.get(acknowledged), failure)) {
                return true; // parked: go on with the events behind it
            }
        } else if (!(failure instanceof RetriableException)) {
            closeProducer(); // fatal for this producer (closed, fenced, out of sequence …): the next drain makes a new one
        }
        c.commit();
        throw failure;
    }

    /** Counts a refusal of this row; parks it (true) once it has used up its attempts. */
    private boolean noteRefusal(Connection c, UUID id, Exception failure) throws SQLException {
        try (PreparedStatement note = c.prepareStatement("update outbox_event set attempts = attempts + 1,"
                + " last_error = ?, parked_at = case when attempts + 1 >= ? then now() end where id = ?"
                + " returning parked_at is not null, topic, type")) {
            note.setString(1, failure.toString());
            note.setInt(2, maxAttempts);
            note.setObject(3, id);
            try (ResultSet rs = note.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
                LOG.errorf("ALERT outbox event %s (%s to %s) parked after %d refusals by Kafka: %s; the events behind"
                        + " it go on — fix and re-queue it (update outbox_event set parked_at = null, attempts = 0)",
                        id, rs.getString(3), rs.getString(2), maxAttempts, failure);
                return true;
            }
        }
    }

    /** Whether Kafka refused this record itself, rather than being out of reach. */
    private boolean refusedByKafka(Exception failure, String topic) {
        if (failure instanceof RecordTooLargeException || failure instanceof InvalidTopicException
                || failure instanceof RecordBatchTooLargeException || failure instanceof SerializationException
                || failure instanceof UnknownTopicOrPartitionException) {
            return true;
        }
        if (!(failure instanceof org.apache.kafka.common.errors.TimeoutException)) {
            return false;
        }
        // "Topic x not present in metadata": an unknown topic if the cluster answers and does not know it
        try (Admin admin = Admin.create(kafka.properties(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)))) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException
                    || e.getCause() instanceof InvalidTopicException;
        } catch (Exception e) {
            return false;
        }
    }

    private Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        try {
            return producer().send(record);
        } catch (RuntimeException e) { // a closed producer, a fatal state: fails this send like any other failure
            return CompletableFuture.failedFuture(e);
        }
    }

    private void flush() {
        try {
            producer().flush();
        } catch (RuntimeException e) {
            // the sends' futures carry the failure
        }
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

    synchronized void closeProducer() {
        if (producer != null) {
            KafkaProducer<String, String> closing = producer;
            producer = null;
            try {
                closing.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer: %s", e);
            }
        }
    }

    synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                    ProducerConfig.LINGER_MS_CONFIG, "0", // Kafka 4 defaults to 5 ms: a latency path
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000",
                    ProducerConfig.CLIENT_ID_CONFIG, outbox.source() + "-outbox-relay"));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
