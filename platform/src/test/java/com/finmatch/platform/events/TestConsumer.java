package com.finmatch.platform.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer as the services write them: everything through the inbox. Test payloads can ask for trouble:
 * {@code "failover": n} makes the first n attempts lose their database connection (the server terminates it, as in
 * a failover: the consumer waits for the database), {@code "fail": n} makes the first n attempts fail otherwise (as a
 * lock timeout or a defect does: bounded retries), {@code "broken": true} makes every attempt fail so.
 */
@ApplicationScoped
public class TestConsumer {

    /** Handler attempts per event id. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

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
            int attempt = ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
            if (attempt <= event.data().path("failover").asInt()) {
                em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
            }
            if (event.data().path("broken").asBoolean() || attempt <= event.data().path("fail").asInt()) {
                throw new IllegalStateException("the handler failed (attempt " + attempt + ")");
            }
            em.createNativeQuery("insert into applied_event (event_id, aggregate_id, payload) values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, event.subject())
                    .setParameter(3, event.data().toString()).executeUpdate();
        });
    }
}
