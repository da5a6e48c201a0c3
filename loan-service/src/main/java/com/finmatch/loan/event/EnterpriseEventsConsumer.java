package com.finmatch.loan.event;

import com.finmatch.loan.service.EnterpriseReplication;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** enterprise.events → the replica of profiles and consents (idempotent through the inbox). */
@ApplicationScoped
public class EnterpriseEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    EnterpriseReplication replication;

    @Incoming("enterprise-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("enterprise-events", record, replication::apply);
    }
}
