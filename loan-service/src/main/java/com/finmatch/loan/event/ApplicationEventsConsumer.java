package com.finmatch.loan.event;

import com.finmatch.loan.service.LeadIntake;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** application.events → leads (idempotent through the inbox; unprocessable records go to the DLQ). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    LeadIntake leads;

    @Incoming("application-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("application-events", record, event -> {
            if (!event.isDemoHistory()) { // the demo's past applications live in matching-service's KPIs only
                leads.apply(event);
            }
        });
    }
}
