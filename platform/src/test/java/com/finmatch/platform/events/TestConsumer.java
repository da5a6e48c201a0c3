package com.finmatch.platform.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as the services write them: everything through the inbox. */
@ApplicationScoped
public class TestConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    @Incoming("test-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process("test-in", record, event -> {
            if (!event.data().has("note")) {
                throw new InvalidEventException("a ThingHappened without a note");
            }
            em.createNativeQuery("insert into applied_event values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, event.subject())
                    .setParameter(3, event.data().toString()).executeUpdate();
        });
    }
}
