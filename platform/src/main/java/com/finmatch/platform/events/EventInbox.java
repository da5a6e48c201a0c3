package com.finmatch.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The idempotent inbox. A consumer hands each record here: the record is checked, its ce_id is recorded and the
 * handler runs, all in one transaction — so an event delivered twice is applied once, and a handler that fails
 * leaves no trace.
 * <p>
 * What happens to a failure depends on its kind; every retry runs in place, in a new transaction, on the consumer's
 * (ordered, blocking) worker, so nothing behind the failing record overtakes it:
 * <ul>
 * <li>the database is away (a restart, a failover, no connection in the pool: {@code DatabaseOutage}) — the record
 * waits for it ({@link DatabaseWait}: capped exponential backoff, no limit), readiness says DOWN meanwhile
 * ({@link ConsumerHealth}), and it is never dead-lettered for that;</li>
 * <li>an {@link InvalidEventException} (a record that can never be processed) — dead-lettered at once;</li>
 * <li>anything else (a lock timeout, a deadlock, a defect) — bounded retries with exponential backoff
 * ({@link InboxRetry}: 8 retries, 0.5 s doubling to 8 s, at most 50 s), then the exception reaches the channel,
 * whose dead-letter strategy sends the record to {@code <topic>.dlq} with the reason in its headers, and the
 * consumer goes on.</li>
 * </ul>
 * A record may wait for the database longer than the Kafka connector's {@code throttled} commit strategy allows a
 * record to stay unacknowledged (60 s by default, after which the connector closes the consumer for good): the
 * platform turns that check off for every channel ({@code META-INF/microprofile-config.properties}); the consumers'
 * readiness takes its place.
 *
 * <pre>
 * &#64;Incoming("product-events") &#64;Blocking
 * void on(ConsumerRecord&lt;String, String&gt; record) { inbox.process("product-events", record, this::apply); }
 * </pre>
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    /**
     * What each attempt runs inside, around its transaction: e.g. a service's lock that must be held until the
     * transaction has committed. The backoff between attempts runs outside it.
     */
    @FunctionalInterface
    public interface Guard {
        <T> T call(Supplier<T> attempt);
    }

    @Inject
    InboxAttempt attempt;

    @Inject
    InboxRetry retry;

    @Inject
    DatabaseWait databaseWait;

    private final AtomicLong duplicates = new AtomicLong();

    /** @return true when the handler ran, false when the event had been processed before. */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        return logged(consumer, record, () -> databaseWait.untilTheDatabaseIsBack(consumer, record,
                () -> retry.process(consumer, record, handler)));
    }

    /** As {@link #process(String, ConsumerRecord, Consumer)}, each attempt inside {@code guard}. */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler,
            Guard guard) {
        return logged(consumer, record, () -> databaseWait.untilTheDatabaseIsBack(consumer, record,
                () -> retry.process(consumer, record, handler, guard)));
    }

    /**
     * One attempt inside the caller's transaction, without retries: for a caller that decides itself what a failure
     * means (matching-service's replay skips the record; the exception has marked the transaction for rollback).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean processOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        return attempt.run(consumer, record, handler);
    }

    /** Records delivered again after they had been applied, skipped by the inbox since this process started. */
    public long duplicatesSkipped() {
        return duplicates.get();
    }

    private boolean logged(String consumer, ConsumerRecord<String, String> record, Supplier<Boolean> work) {
        try {
            boolean applied = work.get();
            if (!applied) {
                duplicates.incrementAndGet();
            }
            return applied;
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("%s could not process %s-%d@%d (retried with backoff, then dead-lettered): %s", consumer,
                    record.topic(), record.partition(), record.offset(), e.toString());
            throw e;
        }
    }
}
