package com.finmatch.platform.events;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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

    @Inject
    javax.sql.DataSource db;

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

    /**
     * Records the event first and changes the aggregate after (a use case may well be written so): only the outbox's
     * per-aggregate lock makes the events' order follow the order of the changes. The order in which this
     * transaction took the aggregate's row lock goes to {@code write_order}.
     */
    public UUID writeEventFirst(String aggregateId) {
        UUID id = outbox.publish(TOPIC, aggregateId, TYPE, Map.of("note", "event first"));
        em.createNativeQuery("select pg_sleep(random() * 0.005)").getSingleResult(); // let writers interleave
        int n = ((Number) em.createNativeQuery("insert into aggregate_counter values (?1, 1) on conflict (aggregate_id)"
                + " do update set n = aggregate_counter.n + 1 returning n").setParameter(1, aggregateId)
                .getSingleResult()).intValue();
        em.createNativeQuery("insert into write_order values (?1, ?2, ?3)").setParameter(1, id)
                .setParameter(2, aggregateId).setParameter(3, n).executeUpdate();
        return id;
    }

    /**
     * Records an event, then loses the connection before the commit: the server ends the session (what a fast
     * shutdown or a failover does to every open one), so the commit fails and nothing may be stored.
     */
    public UUID writeThenLoseTheConnection(String aggregateId) {
        UUID id = outbox.publish(TOPIC, aggregateId, TYPE, Map.of("note", "lost"));
        int pid = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
        // another thread, outside this transaction, gets another connection from the pool
        CompletableFuture.runAsync(() -> terminate(pid)).join();
        return id;
    }

    private void terminate(int pid) {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("select pg_terminate_backend(" + pid + ")");
            await("backend " + pid + " ended").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> backends(s, pid) == 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int backends(java.sql.Statement s, int pid) throws java.sql.SQLException {
        try (var rs = s.executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
