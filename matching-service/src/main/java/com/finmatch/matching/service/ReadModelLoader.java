package com.finmatch.matching.service;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.TrainingOffer;
import com.finmatch.matching.domain.engine.MatchingEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Builds the in-memory engine state from the read-model tables: every product, policy tool and training offer, and
 * the enterprises and open needs this replica owns ({@link Ownership}); then matches everything once.
 */
@ApplicationScoped
public class ReadModelLoader {

    /** One enterprise as the read models hold it: profile (null if unknown), open needs, declined products per need. */
    public record EnterpriseState(EnterpriseProfile profile, List<FinancingNeed> openNeeds,
            Map<String, Set<String>> declined) {
    }

    @Inject
    EntityManager em;

    /** The engine of these tables on this day with the owned enterprises' needs, matched once (progress may be null). */
    MatchingEngine load(int topSize, LocalDate today, MatchingEngine.Progress progress, Predicate<String> owned) {
        MatchingEngine engine = new MatchingEngine(topSize, today);
        engine.deferMatching();
        for (String p : payloads("select payload from policy_tool_rm order by id")) {
            engine.upsertPolicyTool(Json.read(p, PolicyTool.class));
        }
        for (String p : payloads("select payload from product_rm order by id")) {
            engine.upsertProduct(Json.read(p, LoanProduct.class));
        }
        for (String p : payloads("select payload from training_offer_rm order by id")) {
            engine.upsertTrainingOffer(Json.read(p, TrainingOffer.class));
        }
        addOwned(engine, owned);
        engine.rematchAll(progress);
        return engine;
    }

    /**
     * Adds the enterprises {@code owned} accepts and their open needs, each with its declined pairs, to the engine
     * (matched at once unless the engine defers matching). @return the needs added
     */
    List<String> addOwned(MatchingEngine engine, Predicate<String> owned) {
        for (Object[] row : rows("select cast(id as varchar), payload from enterprise_rm order by id", null)) {
            if (owned.test((String) row[0])) {
                engine.upsertEnterprise(Json.read((String) row[1], EnterpriseProfile.class));
            }
        }
        List<FinancingNeed> needs = new ArrayList<>();
        for (Object[] row : rows("select cast(enterprise_id as varchar), payload from need_rm where status = 'OPEN'"
                + " order by id", null)) {
            if (owned.test((String) row[0])) {
                needs.add(Json.read((String) row[1], FinancingNeed.class));
            }
        }
        Set<String> ids = new TreeSet<>();
        needs.forEach(n -> ids.add(n.needId()));
        for (Object[] pair : declinedPairs(null)) {
            if (ids.contains(pair[0].toString())) {
                engine.declineProduct(pair[0].toString(), pair[1].toString(), true);
            }
        }
        needs.forEach(engine::upsertNeed);
        return new ArrayList<>(ids);
    }

    /** Adds one enterprise's state (profile, declined pairs, open needs) to the engine. @return its needs */
    List<String> add(MatchingEngine engine, EnterpriseState state) {
        if (state.profile() != null) {
            engine.upsertEnterprise(state.profile());
        }
        state.declined().forEach((need, products) -> products.forEach(p -> engine.declineProduct(need, p, true)));
        state.openNeeds().forEach(engine::upsertNeed);
        return state.openNeeds().stream().map(FinancingNeed::needId).toList();
    }

    /** One enterprise's state in the read models (for a replica that does not own it, or re-reads it). */
    public EnterpriseState enterprise(String enterpriseId) {
        UUID id = UUID.fromString(enterpriseId);
        List<String> profile = payloadsOf("select payload from enterprise_rm where id = ?1", id);
        List<FinancingNeed> needs = new ArrayList<>();
        for (String p : payloadsOf("select payload from need_rm where enterprise_id = ?1 and status = 'OPEN'"
                + " order by id", id)) {
            needs.add(Json.read(p, FinancingNeed.class));
        }
        Map<String, Set<String>> declined = new HashMap<>();
        for (Object[] pair : declinedPairs(id)) {
            declined.computeIfAbsent(pair[0].toString(), k -> new TreeSet<>()).add(pair[1].toString());
        }
        return new EnterpriseState(profile.isEmpty() ? null : Json.read(profile.get(0), EnterpriseProfile.class),
                needs, declined);
    }

    /** The declined products of one need (its pairs whose latest application was declined). */
    public Set<String> declinedProductsOf(String needId) {
        Set<String> products = new TreeSet<>();
        for (Object[] pair : rows(LATEST_OF_PAIRS + " where need_id = ?1" + DECLINED, UUID.fromString(needId))) {
            products.add(pair[1].toString());
        }
        return products;
    }

    /** Whether the latest application (by submission) of this (need, product) pair was declined. */
    public boolean declined(Object needId, Object productId) {
        List<?> latest = em.createNativeQuery("select status from application_rm where need_id = ?1 and product_id = ?2"
                + " order by submitted_at desc nulls last, status_at desc nulls last limit 1")
                .setParameter(1, needId).setParameter(2, productId).getResultList();
        return !latest.isEmpty() && "DECLINED".equals(latest.get(0));
    }

    static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final String LATEST_OF_PAIRS = "select need_id, product_id from (select distinct on (need_id,"
            + " product_id) need_id, product_id, status from application_rm";
    private static final String DECLINED = " and need_id is not null and product_id is not null order by need_id,"
            + " product_id, submitted_at desc nulls last, status_at desc nulls last) latest where status = 'DECLINED'"
            + " order by need_id, product_id";

    /** (need, product) pairs whose latest application was declined (see ReadModelUpdater); of one enterprise or all. */
    private List<Object[]> declinedPairs(UUID enterpriseId) {
        return enterpriseId == null ? rows(LATEST_OF_PAIRS + " where true" + DECLINED, null)
                : rows(LATEST_OF_PAIRS
                + " where need_id in (select id from need_rm where enterprise_id = ?1)" + DECLINED, enterpriseId);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        var q = em.createNativeQuery(sql);
        if (parameter != null) {
            q.setParameter(1, parameter);
        }
        return q.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> payloads(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> payloadsOf(String sql, Object parameter) {
        return em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    }
}
