package com.finmatch.enterprise.event;

import com.finmatch.enterprise.service.AccessLogService;
import com.finmatch.enterprise.service.ApplicationService;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** loan-service's lead.events: applications move along as banks report; profile reads on leads are logged. */
@ApplicationScoped
public class LeadEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ApplicationService applications;

    @Inject
    AccessLogService accessLog;

    @Incoming("lead-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("lead-events", record, this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.isDemoHistory()) {
            return; // the demo's past lead steps are of applications this service never had (matching's KPIs only)
        }
        switch (event.name()) {
            case "LeadStatusChanged" -> applications.applyLeadEvent(event);
            case "EnterpriseProfileRead" -> accessLog.recordLeadRead(event);
            default -> {
                // LeadOverdue and later types are not this service's business
            }
        }
    }
}
