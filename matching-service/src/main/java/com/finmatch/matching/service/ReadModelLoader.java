package com.finmatch.matching.service;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.engine.MatchingEngine;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.TrainingOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/** Builds the in-memory engine state from the read-model tables, then matches everything once. */
@ApplicationScoped
public class ReadModelLoader {

    @Inject
    EntityManager em;

    /** The engine of these tables on this day, matched once (progress may be null). */
    MatchingEngine load(int topSize, LocalDate today, MatchingEngine.Progress progress) {
        MatchingEngine engine = new MatchingEngine(topSize, today);
        engine.deferMatching();
        for (String p : payloads("select payload from policy_tool_rm order by id")) {
            engine.upsertPolicyTool(Json.read(p, PolicyTool.class));
        }
        for (String p : payloads("select payload from enterprise_rm order by id")) {
            engine.upsertEnterprise(Json.read(p, EnterpriseProfile.class));
        }
        for (String p : payloads("select payload from need_rm where status = 'OPEN' order by id")) {
            engine.upsertNeed(Json.read(p, FinancingNeed.class));
        }
        for (String p : payloads("select payload from product_rm order by id")) {
            engine.upsertProduct(Json.read(p, LoanProduct.class));
        }
        for (String p : payloads("select payload from training_offer_rm order by id")) {
            engine.upsertTrainingOffer(Json.read(p, TrainingOffer.class));
        }
        for (Object[] pair : declinedPairs()) {
            engine.declineProduct(pair[0].toString(), pair[1].toString(), true);
        }
        engine.rematchAll(progress);
        return engine;
    }

    /** (need, product) pairs whose latest application was declined (see ReadModelUpdater). */
    @SuppressWarnings("unchecked")
    private List<Object[]> declinedPairs() {
        return em.createNativeQuery("select need_id, product_id from (select distinct on (need_id, product_id) need_id,"
                + " product_id, status from application_rm where need_id is not null and product_id is not null"
                + " order by need_id, product_id, submitted_at desc nulls last, status_at desc nulls last) latest"
                + " where status = 'DECLINED' order by need_id, product_id").getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> payloads(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
