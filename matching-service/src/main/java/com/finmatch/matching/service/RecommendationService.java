package com.finmatch.matching.service;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.domain.DeclineRoute;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.engine.MatchingEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recommendations of one enterprise: one per open need (and per major project with a financing gap), each product
 * marked with the enterprise's application to it for that need; and its listing readiness (IPO-training offers),
 * which needs no open need.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecommendationService {

    /** The most needs (and project gaps) one answer lists; an enterprise has far fewer open at a time. */
    public static final int MAX_NEEDS = 1000;

    /** The answer of GET /recommendations/...: every open need of the enterprise with its recommendation. */
    public record EnterpriseRecommendations(@Size(max = Bounds.ID) String enterpriseId,
            @Size(max = MAX_NEEDS) List<NeedRecommendation> recommendations, ListingReadiness listingReadiness,
            Instant asOf) {
    }

    /** CONTRACT.md Recommendation, plus the project a financing gap belongs to (null for a need). */
    public record NeedRecommendation(@Size(max = Bounds.ID) String needId,
            @Schema(nullable = true) @Size(max = Bounds.ID) String projectId,
            @Size(max = MatchingEngine.MAX_TOP_SIZE) List<Recommendation.RecommendedProduct> products,
            @Size(max = MatchingEngine.NEAR_MISS_LIMIT) List<Recommendation.NearMiss> nearMisses,
            @Size(max = MatchingEngine.MAX_OFFERS) List<Recommendation.OfferMatch> trainingOffers,
            @Schema(nullable = true, description = "after the need's latest decline: what the enterprise can do next "
                    + "(null when no application for the need was declined)") DeclineRoute.NextSteps nextSteps,
            Instant asOf) {
    }

    /** The IPO-training offers the enterprise's profile qualifies for, with or without a financing need. */
    public record ListingReadiness(
            @Size(max = MatchingEngine.MAX_OFFERS) List<Recommendation.OfferMatch> trainingOffers) {
    }

    /** Application statuses after which a product counts as not applied to (the enterprise may apply again). */
    private static final List<String> ENDED = List.of("WITHDRAWN", "CLOSED");

    @Inject
    MatchingService matching;

    @Inject
    Clock clock;

    @Inject
    Ownership ownership;

    @Inject
    ReadModelLoader loader;

    @Inject
    EntityManager em;

    /**
     * The owner of the enterprise's needs reads them from its engine; any other replica explains them from the read
     * models against its own engine's products (every replica holds every product), which gives the same answer.
     */
    public EnterpriseRecommendations of(UUID enterpriseId) {
        MatchingEngine engine = matching.engine();
        String id = enterpriseId.toString();
        List<Recommendation> recommendations = new ArrayList<>();
        List<Recommendation.OfferMatch> readiness;
        if (ownership.owns(id)) {
            for (String needId : engine.openNeedsOf(id).stream().limit(MAX_NEEDS).toList()) {
                Recommendation r = engine.recommend(needId);
                if (r != null) {
                    recommendations.add(r);
                }
            }
            readiness = engine.listingReadiness(id);
        } else {
            ReadModelLoader.EnterpriseState state = loader.enterprise(id);
            if (state.profile() == null) {
                readiness = List.of();
            } else {
                MatchingEngine.Explained explained = engine.explainTransient(state.profile(),
                        state.openNeeds().stream().limit(MAX_NEEDS).toList(), state.declined());
                recommendations.addAll(explained.recommendations());
                readiness = explained.listingReadiness();
            }
        }
        Instant now = clock.instant();
        Map<String, Recommendation.Applied> applied = latestApplications(enterpriseId);
        Map<String, DeclineRoute.Decline> declines = latestDeclines(enterpriseId);
        List<NeedRecommendation> list = new ArrayList<>();
        for (Recommendation r : recommendations) {
            List<Recommendation.RecommendedProduct> products = r.products().stream()
                    .map(p -> p.withApplied(applied.get(r.needId() + "/" + p.productId()))).toList();
            DeclineRoute.Decline decline = declines.get(r.needId());
            DeclineRoute.NextSteps next = decline == null ? null
                    : DeclineRoute.route(decline, r, engine::guaranteeTypesOf);
            list.add(new NeedRecommendation(r.needId(), r.projectId(), products, r.nearMisses(), r.trainingOffers(),
                    next, now));
        }
        return new EnterpriseRecommendations(id, list, new ListingReadiness(readiness), now);
    }

    /** need id → the need's latest declined application. */
    @SuppressWarnings("unchecked")
    private Map<String, DeclineRoute.Decline> latestDeclines(UUID enterpriseId) {
        List<Object[]> rows = em.createNativeQuery("select distinct on (need_id) need_id, id, product_id, bank_id,"
                + " reason_code, declined_at from application_rm where enterprise_id = ?1 and status = 'DECLINED'"
                + " and need_id is not null and product_id is not null order by need_id, declined_at desc nulls last")
                .setParameter(1, enterpriseId).getResultList();
        Map<String, DeclineRoute.Decline> declines = new HashMap<>();
        for (Object[] row : rows) {
            declines.put(row[0].toString(), new DeclineRoute.Decline(row[1].toString(), row[2].toString(),
                    (String) row[3], (String) row[4], StatsService.time(row[5])));
        }
        return declines;
    }

    /** "needId/productId" → the latest application of the enterprise for that pair, unless withdrawn or closed. */
    @SuppressWarnings("unchecked")
    private Map<String, Recommendation.Applied> latestApplications(UUID enterpriseId) {
        List<Object[]> rows = em.createNativeQuery("select distinct on (need_id, product_id) need_id, product_id, id,"
                + " status from application_rm where enterprise_id = ?1 and need_id is not null and product_id is not null"
                + " order by need_id, product_id, submitted_at desc nulls last, status_at desc nulls last")
                .setParameter(1, enterpriseId).getResultList();
        Map<String, Recommendation.Applied> applied = new HashMap<>();
        for (Object[] row : rows) {
            String status = row[3] == null ? "SUBMITTED" : row[3].toString();
            if (!ENDED.contains(status)) {
                applied.put(row[0] + "/" + row[1], new Recommendation.Applied(row[2].toString(), status));
            }
        }
        return applied;
    }
}
