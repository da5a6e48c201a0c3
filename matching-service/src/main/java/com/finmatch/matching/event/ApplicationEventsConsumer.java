package com.finmatch.matching.event;

import com.finmatch.matching.service.MatchingService;
import com.finmatch.matching.service.ReadModelUpdater;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes application.events into the read models and the engine (idempotent on ce_id; each attempt holds the engine lock; a transient failure is retried, then dead-lettered). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    public static final String CHANNEL = "application-events";

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelUpdater updater;

    @Inject
    MatchingService matching;

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, updater::onApplicationEvent, matching::exclusively);
    }
}
