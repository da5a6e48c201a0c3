package com.finmatch.platform.events;

import com.finmatch.platform.http.DatabaseOutage;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bounded retries of {@link EventInbox}: a failure of the handler (a lock timeout, a deadlock, a defect) is
 * retried in place, each attempt in a new transaction, with exponential backoff (8 retries, 0.5 s doubling to at
 * most 8 s, at most 50 s in all; MicroProfile Fault Tolerance keys
 * {@code com.finmatch.platform.events.InboxRetry/process/Retry/maxRetries}, {@code delay}, {@code jitter},
 * {@code maxDuration}). Two failures end the retries at once: an {@link InvalidEventException} (the record can never
 * be processed: dead-lettered) and a {@link DatabaseUnavailableException} (the database is away: the caller waits for
 * it, spending none of this budget).
 */
@ApplicationScoped
class InboxRetry {

    private static final Logger LOG = Logger.getLogger(InboxRetry.class);

    @Inject
    InboxAttempt attempt;

    @Retry(maxRetries = 8, delay = 500, jitter = 200, maxDuration = 50_000,
            abortOn = {InvalidEventException.class, DatabaseUnavailableException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        return classified(consumer, record, () -> attempt.run(consumer, record, handler));
    }

    @Retry(maxRetries = 8, delay = 500, jitter = 200, maxDuration = 50_000,
            abortOn = {InvalidEventException.class, DatabaseUnavailableException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler,
            EventInbox.Guard guard) {
        return classified(consumer, record, () -> guard.call(() -> attempt.run(consumer, record, handler)));
    }

    private static boolean classified(String consumer, ConsumerRecord<String, String> record, Supplier<Boolean> work) {
        try {
            return work.get();
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                throw new DatabaseUnavailableException(e);
            }
            LOG.warnf("%s: an attempt at %s-%d@%d failed (retried with backoff while the bound allows): %s", consumer,
                    record.topic(), record.partition(), record.offset(), e.toString());
            throw e;
        }
    }
}
