package com.finmatch.platform.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.function.LongSupplier;

/**
 * Micrometer meters of the messaging machinery: {@code finmatch.outbox.oldest.unsent.age} (seconds),
 * {@code finmatch.outbox.parked}, {@code finmatch.outbox.send.failures}, {@code finmatch.inbox.duplicates} (redelivered records the inbox skipped) and, per dead-letter topic,
 * {@code finmatch.dlq.pending}. Retries of consumers are SmallRye Fault Tolerance's own {@code ft.*} meters.
 */
@ApplicationScoped
public class MessagingMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventInbox inbox;

    void register(@Observes StartupEvent event) {
        Gauge.builder("finmatch.outbox.oldest.unsent.age", () -> safely(relay::oldestUnsentAgeSeconds))
                .baseUnit("seconds").description("age of the oldest committed event not yet published")
                .register(registry);
        Gauge.builder("finmatch.outbox.parked", () -> safely(relay::parked))
                .description("outbox events parked after Kafka refused them").register(registry);
        FunctionCounter.builder("finmatch.outbox.send.failures", relay, OutboxRelay::sendFailures)
                .description("failed sends of the outbox relay").register(registry);
        FunctionCounter.builder("finmatch.inbox.duplicates", inbox, EventInbox::duplicatesSkipped)
                .description("records delivered again after they had been applied, skipped by the inbox")
                .register(registry);
        for (String topic : deadLetters.topics().keySet()) {
            Gauge.builder("finmatch.dlq.pending", () -> deadLetters.pending().getOrDefault(topic, 0L))
                    .tag("topic", topic).description("dead letters not re-driven").register(registry);
        }
    }

    private static double safely(LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
