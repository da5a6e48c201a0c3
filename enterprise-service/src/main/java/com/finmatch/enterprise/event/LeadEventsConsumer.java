package com.finmatch.enterprise.event;

import com.finmatch.enterprise.service.ApplicationService;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Moves applications along as banks report on their leads (loan-service's lead.events). */
@ApplicationScoped
public class LeadEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ApplicationService applications;

    @Incoming("lead-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("lead-events", record, applications::applyLeadEvent);
    }
}
