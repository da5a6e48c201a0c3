package com.finmatch.enterprise.event;

import com.finmatch.enterprise.service.AccessLogService;
import com.finmatch.platform.events.EventInbox;
import com.finmatch.platform.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** matching-service's match.events: a bank shown an enterprise's data in its matches goes to the access log. */
@ApplicationScoped
public class MatchEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    AccessLogService accessLog;

    @Incoming("match-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("match-events", record, this::apply);
    }

    void apply(IncomingEvent event) {
        if ("EnterpriseDataRead".equals(event.name())) {
            accessLog.recordMatchRead(event);
        }
        // MatchesChanged and later types are not this service's business
    }
}
