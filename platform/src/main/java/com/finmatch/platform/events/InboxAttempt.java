package com.finmatch.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** One attempt of {@link EventInbox}: check the record, record its ce_id and run the handler, in one transaction. */
@ApplicationScoped
class InboxAttempt {

    @Inject
    EntityManager em;

    /** @return true when the handler ran, false when the event had been processed before. */
    @Transactional
    boolean run(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record);
        int first = em.createNativeQuery("insert into inbox_event (consumer, event_id, event_type, processed_at)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (first == 0) {
            return false;
        }
        handler.accept(event);
        return true;
    }
}
