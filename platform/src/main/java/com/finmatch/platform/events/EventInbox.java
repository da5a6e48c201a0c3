package com.finmatch.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * The idempotent inbox. A consumer hands each record here: the record is checked, its ce_id is recorded and the
 * handler runs, all in one transaction — so an event delivered twice is applied once, and a handler that fails
 * leaves no trace (the exception nacks the record, which the channel's dead-letter strategy sends to
 * {@code <topic>.dlq} with the reason in its headers; the consumer then goes on).
 *
 * <pre>
 * &#64;Incoming("product-events") &#64;Blocking
 * void on(ConsumerRecord&lt;String, String&gt; record) { inbox.process("product-events", record, this::apply); }
 * </pre>
 */
@ApplicationScoped
public class EventInbox {

    @Inject
    EntityManager em;

    /** @return true when the handler ran, false when the event had been processed before. */
    @Transactional
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
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
