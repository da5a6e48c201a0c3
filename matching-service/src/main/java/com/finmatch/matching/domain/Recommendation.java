package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.util.List;

/** What the engine recommends for one open need, with its reasons (CONTRACT.md, Recommendation). */
public record Recommendation(String needId, String enterpriseId, String projectId, List<RecommendedProduct> products,
        List<NearMiss> nearMisses, List<OfferMatch> trainingOffers) {

    /** A ranked product: score 0–100, the reasons that made it, its policy support and estimated rate. */
    public record RecommendedProduct(String productId, String bankId, String name, BigDecimal score,
            List<Message> reasons, List<PolicySupport> policySupport, BigDecimal estimatedRate) {
    }

    public record PolicySupport(String policyToolId, String kind, String name, BigDecimal subsidyRate) {
    }

    /** A product the need misses by at most two hard rules: what would make the enterprise eligible. */
    public record NearMiss(String productId, String bankId, String name, List<Message> failedRules) {
    }

    /** An IPO-training offer whose entry criteria the enterprise meets. */
    public record OfferMatch(String offerId, String title, BigDecimal score, List<Message> reasons) {
    }
}
