package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.util.List;

/** What the engine recommends for one open need, with its reasons (CONTRACT.md, Recommendation). */
public record Recommendation(String needId, String enterpriseId, String projectId, List<RecommendedProduct> products,
        List<NearMiss> nearMisses, List<OfferMatch> trainingOffers) {

    /**
     * A ranked product: score 0–100, the reasons that made it, its policy support and estimated rate; {@code applied}
     * is the enterprise's application to it for this need (null: none; the engine leaves it null, the service fills it).
     */
    public record RecommendedProduct(String productId, String bankId, String name, BigDecimal score,
            List<Message> reasons, List<PolicySupport> policySupport, BigDecimal estimatedRate, Applied applied) {

        public RecommendedProduct withApplied(Applied a) {
            return new RecommendedProduct(productId, bankId, name, score, reasons, policySupport, estimatedRate, a);
        }
    }

    /** The enterprise's current application for a recommended product and need, with its status. */
    public record Applied(String applicationId, String status) {
    }

    public record PolicySupport(String policyToolId, String kind, String name, BigDecimal subsidyRate) {
    }

    /** A product the need misses by at most two hard checks: what would make the enterprise eligible. */
    public record NearMiss(String productId, String bankId, String name, List<Message> failedRules) {
    }

    /** An IPO-training offer whose entry criteria the enterprise meets. */
    public record OfferMatch(String offerId, String title, BigDecimal score, List<Message> reasons) {
    }
}
