package com.finmatch.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a consumer waits while the database is away: the record is tried again with capped exponential backoff
 * ({@code finmatch.inbox.outage-delay}, 0.5 s, doubling to {@code finmatch.inbox.outage-max-delay}, 5 s) until the
 * database is back, however long a restart or failover takes. It waits in place on the channel's ordered worker, so
 * nothing overtakes the record; the connector stops fetching the channel's partitions meanwhile (its queue is full),
 * and nothing is dead-lettered for an outage. {@link ConsumerHealth} reports the waiting consumers (readiness DOWN).
 */
@ApplicationScoped
class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class);

    /** A consumer held up by the database: which record, since when, how many attempts, the last error. */
    record Waiting(String record, Instant since, int attempts, String error) {
        @Override
        public String toString() {
            return "waiting for the database since " + since + " with " + record + " (" + attempts + " attempts): "
                    + error;
        }
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    @ConfigProperty(name = "finmatch.inbox.outage-delay", defaultValue = "0.5s")
    Duration firstDelay;

    @ConfigProperty(name = "finmatch.inbox.outage-max-delay", defaultValue = "5s")
    Duration maxDelay;

    /** Runs {@code attempt} until it does not fail for want of the database. */
    <T> T untilTheDatabaseIsBack(String consumer, ConsumerRecord<?, ?> record, Supplier<T> attempt) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Instant since = null;
        int attempts = 0;
        long delay = firstDelay.toMillis();
        try {
            while (true) {
                try {
                    return attempt.get();
                } catch (DatabaseUnavailableException e) {
                    attempts++;
                    if (since == null) {
                        since = Instant.now();
                        LOG.warnf("%s waits for the database with %s (tried again every %d ms up to %d ms, never"
                                + " dead-lettered for this): %s", consumer, where, delay, maxDelay.toMillis(),
                                e.getMessage());
                    }
                    waiting.put(consumer, new Waiting(where, since, attempts, e.getMessage()));
                    pause(delay, e);
                    delay = Math.min(delay * 2, maxDelay.toMillis());
                }
            }
        } finally {
            if (since != null) {
                waiting.remove(consumer);
                LOG.infof("%s goes on: %s got through after %d attempts, %d ms without the database", consumer,
                        where, attempts + 1, Duration.between(since, Instant.now()).toMillis());
            }
        }
    }

    /** The consumers waiting for the database now, by name. */
    Map<String, Waiting> waiting() {
        return new TreeMap<>(waiting);
    }

    private static void pause(long millis, DatabaseUnavailableException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure; // the application is stopping; the record is not acknowledged
        }
    }
}
