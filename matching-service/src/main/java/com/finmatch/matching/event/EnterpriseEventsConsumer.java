package com.finmatch.matching.event;

import com.finmatch.matching.service.MatchingService;
import com.finmatch.matching.service.ReadModelUpdater;
import com.finmatch.matching.service.Shards;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes enterprise.events into the read models and the engine (idempotent on ce_id; each attempt holds the engine lock; a transient failure is retried, then dead-lettered). */
@ApplicationScoped
public class EnterpriseEventsConsumer {

    public static final String CHANNEL = "enterprise-events";

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelUpdater updater;

    @Inject
    MatchingService matching;

    @Inject
    Shards shards;

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (!inbox.process(CHANNEL, record, updater::onEnterpriseEvent, matching::exclusively) && record.key() != null) {
            // seen before: applied by this partition's previous owner, whose offset was not committed before the
            // hand-over; the engine takes the enterprise's state from the read models instead
            shards.reread(record.key());
        }
    }
}
