package com.finmatch.platform.events;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The idempotent inbox. A consumer hands each record here: the record is checked, its ce_id is recorded and the
 * handler runs, all in one transaction — so an event delivered twice is applied once, and a handler that fails
 * leaves no trace.
 * <p>
 * A failure is retried in place, in a new transaction, with exponential backoff (SmallRye Fault Tolerance
 * {@code @Retry}; a lock timeout, a deadlock, a database failover or an exhausted pool pass). Only when the retries
 * are used up, or at once for an {@link InvalidEventException} (a record that can never be processed), does the
 * exception reach the channel, whose dead-letter strategy sends the record to {@code <topic>.dlq} with the reason
 * in its headers; the consumer then goes on. Retrying in place on the consumer's (ordered, blocking) worker keeps
 * the order of the partition: nothing behind the failing record overtakes it.
 * <p>
 * The bounds (8 retries, 0.5 s doubling to at most 8 s, at most 50 s in all — below the Kafka connector's
 * 60 s {@code throttled.unprocessed-record-max-age.ms}) can be changed with the MicroProfile Fault Tolerance keys
 * {@code com.finmatch.platform.events.EventInbox/process/Retry/maxRetries} (and {@code delay}, {@code jitter},
 * {@code maxDuration}).
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

    private final AtomicLong duplicates = new AtomicLong();

    /** @return true when the handler ran, false when the event had been processed before. */
    @Retry(maxRetries = 8, delay = 500, jitter = 200, maxDuration = 50_000, abortOn = InvalidEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        return logged(consumer, record, () -> attempt.run(consumer, record, handler));
    }

    /** As {@link #process(String, ConsumerRecord, Consumer)}, each attempt inside {@code guard}. */
    @Retry(maxRetries = 8, delay = 500, jitter = 200, maxDuration = 50_000, abortOn = InvalidEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler,
            Guard guard) {
        return logged(consumer, record, () -> guard.call(() -> attempt.run(consumer, record, handler)));
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
