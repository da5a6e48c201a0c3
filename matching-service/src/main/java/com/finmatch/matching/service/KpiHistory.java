package com.finmatch.matching.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.platform.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The history the KPIs of a past period need and the current read models forget: matches made (table
 * {@code match_made}, append-only) and the terms of policy tools as they changed ({@code policy_tool_terms}).
 * Written in the transaction of the change it records.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KpiHistory {

    @Inject
    EntityManager em;

    /** A product entered a need's published top list. */
    public void matchMade(String needId, String productId, String enterpriseId, String bankId, OffsetDateTime at) {
        em.createNativeQuery("insert into match_made (need_id, product_id, enterprise_id, bank_id, made_at)"
                + " values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid), ?4, ?5)")
                .setParameter(1, needId).setParameter(2, productId).setParameter(3, enterpriseId)
                .setParameter(4, bankId).setParameter(5, at).executeUpdate();
    }

    /** A PolicyToolChanged: the tool's terms from the event's time on. */
    public void policyToolChanged(IncomingEvent event) {
        JsonNode data = event.data();
        UUID id = ReadModelUpdater.uuid(data, "policyToolId");
        BigDecimal subsidyRate = data.path("subsidyRate").isNumber() ? data.path("subsidyRate").decimalValue() : null;
        em.createNativeQuery("insert into policy_tool_terms (tool_id, changed_at, kind, active, subsidy_rate, payload)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (tool_id, changed_at) do update set kind = excluded.kind,"
                + " active = excluded.active, subsidy_rate = excluded.subsidy_rate, payload = excluded.payload")
                .setParameter(1, id).setParameter(2, event.time())
                .setParameter(3, ReadModelUpdater.text(data, "kind", true))
                .setParameter(4, data.path("active").asBoolean(false)).setParameter(5, subsidyRate)
                .setParameter(6, data.toString()).executeUpdate();
    }
}
