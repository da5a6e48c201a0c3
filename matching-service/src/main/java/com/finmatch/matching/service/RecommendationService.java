package com.finmatch.matching.service;

import com.finmatch.matching.domain.MatchingEngine;
import com.finmatch.matching.domain.Recommendation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Recommendations of one enterprise: one per open need (and per major project with a financing gap). */
@ApplicationScoped
public class RecommendationService {

    /** The answer of GET /recommendations/...: every open need of the enterprise with its recommendation. */
    public record EnterpriseRecommendations(String enterpriseId, List<NeedRecommendation> recommendations,
            Instant asOf) {
    }

    /** CONTRACT.md Recommendation, plus the project a financing gap belongs to. */
    public record NeedRecommendation(String needId, String projectId, List<Recommendation.RecommendedProduct> products,
            List<Recommendation.NearMiss> nearMisses, List<Recommendation.OfferMatch> trainingOffers, Instant asOf) {
    }

    @Inject
    MatchingService matching;

    @Inject
    Clock clock;

    public EnterpriseRecommendations of(UUID enterpriseId) {
        MatchingEngine engine = matching.engine();
        Instant now = clock.instant();
        List<NeedRecommendation> list = new ArrayList<>();
        for (String needId : engine.openNeedsOf(enterpriseId.toString())) {
            Recommendation r = engine.recommend(needId);
            if (r != null) {
                list.add(new NeedRecommendation(r.needId(), r.projectId(), r.products(), r.nearMisses(),
                        r.trainingOffers(), now));
            }
        }
        return new EnterpriseRecommendations(enterpriseId.toString(), list, now);
    }
}
