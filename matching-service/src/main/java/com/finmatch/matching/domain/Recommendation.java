package com.finmatch.matching.domain;

import com.finmatch.matching.domain.engine.MatchingEngine;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the engine recommends for one open need, with its reasons (CONTRACT.md, Recommendation). The annotations on
 * the components are what the API document says of them (bounds that hold for every answer, and which may be null).
 */
public record Recommendation(String needId, String enterpriseId, String projectId, List<RecommendedProduct> products,
        List<NearMiss> nearMisses, List<OfferMatch> trainingOffers) {

    /** Reasons: one per passing rule (at most 50 per product), plus the engine's own and the policy support's. */
    public static final int REASONS = 100;

    /**
     * A ranked product: score 0–100, the reasons that made it, its policy support and estimated rate; {@code applied}
     * is the enterprise's application to it for this need (null: none; the engine leaves it null, the service fills it).
     */
    public record RecommendedProduct(@Size(max = Bounds.ID) String productId, @Size(max = Bounds.CODE) String bankId,
            @Size(max = Bounds.NAME) String name, @DecimalMin("0") @DecimalMax("100") BigDecimal score,
            @Size(max = REASONS) List<Message> reasons, @Size(max = 20) List<PolicySupport> policySupport,
            @Schema(nullable = true) @DecimalMin("0") @DecimalMax("100") BigDecimal estimatedRate,
            @Schema(nullable = true) Applied applied) {

        public RecommendedProduct withApplied(Applied a) {
            return new RecommendedProduct(productId, bankId, name, score, reasons, policySupport, estimatedRate, a);
        }
    }

    /** The enterprise's current application for a recommended product and need, with its status. */
    public record Applied(@Size(max = Bounds.ID) String applicationId, @Size(max = Bounds.STATUS) String status) {
    }

    /** A policy tool behind a product: its kind and, for an interest subsidy, the rate it takes off (else null). */
    public record PolicySupport(@Size(max = Bounds.ID) String policyToolId, @Size(max = Bounds.STATUS) String kind,
            @Schema(nullable = true) @Size(max = Bounds.NAME) String name,
            @Schema(nullable = true) @DecimalMin("0") @DecimalMax("100") BigDecimal subsidyRate) {
    }

    /** A product the need misses by at most two hard checks: what would make the enterprise eligible. */
    public record NearMiss(@Size(max = Bounds.ID) String productId, @Size(max = Bounds.CODE) String bankId,
            @Size(max = Bounds.NAME) String name,
            @Size(max = MatchingEngine.MAX_FAILED_FOR_NEAR_MISS) List<Message> failedRules) {
    }

    /** An IPO-training offer whose entry criteria the enterprise meets. */
    public record OfferMatch(@Size(max = Bounds.ID) String offerId, @Size(max = Bounds.TITLE) String title,
            @DecimalMin("0") @DecimalMax("100") BigDecimal score, @Size(max = REASONS) List<Message> reasons) {
    }
}
