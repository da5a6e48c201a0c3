package com.finmatch.notification.event;

import com.finmatch.notification.service.EventHandling;
import com.finmatch.platform.events.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** application.events → notifications (idempotent on ce_id through the inbox; a bad record goes to application.events.dlq). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    public static final String CHANNEL = "application-events";

    @Inject
    EventInbox inbox;

    @Inject
    EventHandling handling;

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CHANNEL, record, handling::onApplicationEvent);
    }
}
