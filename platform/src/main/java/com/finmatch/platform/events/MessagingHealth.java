package com.finmatch.platform.events;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readiness data of the messaging machinery: the outbox's unsent and parked events and the age of the oldest
 * unsent one, and the dead letters not re-driven. Stays UP (none of these is cured by taking the instance out of
 * service) but carries a {@code warning} that says what needs an administrator.
 */
@Readiness
@ApplicationScoped
public class MessagingHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "finmatch.outbox.warn-age", defaultValue = "60")
    long warnAgeSeconds;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("finmatch messaging").up();
        List<String> warnings = new ArrayList<>();
        try {
            long parked = relay.parked();
            long age = relay.oldestUnsentAgeSeconds();
            response.withData("outbox.unsent", relay.unsent()).withData("outbox.parked", parked)
                    .withData("outbox.oldestUnsentAgeSeconds", age);
            if (parked > 0) {
                warnings.add(parked + " outbox event(s) parked (refused by Kafka)");
            }
            if (age > warnAgeSeconds) {
                warnings.add("the oldest unsent outbox event is " + age + " s old");
            }
        } catch (RuntimeException e) {
            warnings.add("outbox not readable: " + e.getMessage());
        }
        long dead = 0;
        for (Map.Entry<String, Long> topic : deadLetters.pending().entrySet()) {
            response.withData("dlq." + topic.getKey(), topic.getValue());
            dead += topic.getValue();
        }
        if (dead > 0) {
            warnings.add(dead + " dead letter(s) not re-driven (GET /api/v1/admin/dead-letters)");
        }
        if (!warnings.isEmpty()) {
            response.withData("warning", String.join("; ", warnings));
        }
        return response.build();
    }
}
