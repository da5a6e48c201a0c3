package com.finmatch.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The transactional outbox: an event is a row written in the caller's database transaction, so it exists exactly
 * when the state change it describes was committed. Right after the commit the {@link OutboxRelay} is woken to
 * publish it; its poll is only the fallback.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * Records an event about one aggregate. Must run inside the transaction of the state change.
     *
     * @param topic       the Kafka topic, e.g. {@code enterprise.events}
     * @param aggregateId the record key and {@code ce_subject}
     * @param type        the {@code ce_type}, e.g. {@code finmatch.enterprise.EnterpriseRegistered.v1}
     * @param payload     serialised to JSON as the record value
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateId, String type, Object payload) {
        UUID id = UUID.randomUUID();
        // Writers of one aggregate queue here until the earlier one commits, so that the sequence number, and with
        // it the publishing order, follows the commit order of that aggregate's events.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, aggregateId).getSingleResult();
        em.createNativeQuery("insert into outbox_event (id, topic, aggregate_id, type, payload, traceparent, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, toJson(payload))
                .setParameter(6, traceparent())
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (transactions.getResource(WAKE_KEY) == null) {
            transactions.putResource(WAKE_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        return id;
    }

    String source() {
        return source;
    }

    private String toJson(Object payload) {
        try {
            return payload instanceof String s ? s : json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable to JSON", e);
        }
    }

    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
