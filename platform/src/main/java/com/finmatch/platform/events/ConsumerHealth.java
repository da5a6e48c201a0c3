package com.finmatch.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * Readiness of the event consumers: DOWN while a consumer cannot apply its records because the database is away
 * (it waits, see {@link DatabaseWait}), naming the consumer, the record, since when and the last error; UP again as
 * soon as the record got through.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    DatabaseWait databaseWait;

    @Override
    public HealthCheckResponse call() {
        Map<String, DatabaseWait.Waiting> waiting = databaseWait.waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("finmatch consumers").status(waiting.isEmpty());
        waiting.forEach((consumer, w) -> response.withData(consumer, w.toString()));
        return response.build();
    }
}
