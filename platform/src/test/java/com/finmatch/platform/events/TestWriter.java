package com.finmatch.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/** A stand-in for a service's use case: changes state and records an event in one transaction. */
@ApplicationScoped
@Transactional
public class TestWriter {

    static final String TOPIC = "test.events";
    static final String TYPE = "finmatch.test.ThingHappened.v1";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public UUID write(String aggregateId, String note) {
        return outbox.publish(TOPIC, aggregateId, TYPE, Map.of("note", note));
    }

    public void writeThenFail(String aggregateId, String note) {
        outbox.publish(TOPIC, aggregateId, TYPE, Map.of("note", note));
        throw new IllegalStateException("the use case failed after recording its event");
    }

    /** Bumps the aggregate's counter (a row lock, like any update) and records the new value in the event. */
    public int writeNext(String aggregateId) {
        int n = ((Number) em.createNativeQuery("insert into aggregate_counter values (?1, 1) on conflict (aggregate_id)"
                + " do update set n = aggregate_counter.n + 1 returning n").setParameter(1, aggregateId)
                .getSingleResult()).intValue();
        outbox.publish(TOPIC, aggregateId, TYPE, Map.of("note", "n", "n", n));
        return n;
    }
}
