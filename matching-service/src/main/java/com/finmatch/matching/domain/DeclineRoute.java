package com.finmatch.matching.domain;

import com.finmatch.matching.domain.engine.MatchingEngine;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A decline is a route, not an end (issue 15 §3): for a need whose latest decided application was declined, what the
 * enterprise can do next, by the bank's reason code — which of the need's current recommendations answer that
 * reason, and what to improve. Only products the engine already recommends for the need are suggested, so every
 * suggestion is one the enterprise is eligible for and may apply to at once; the declined product itself never is.
 * <ul>
 *   <li>INSUFFICIENT_COLLATERAL: products backed by a government guarantee or a risk pool, and credit loans;</li>
 *   <li>INSUFFICIENT_REVENUE, CREDIT_HISTORY: policy-backed products, and the near misses as a readiness checklist
 *   (which rules fail, by how much);</li>
 *   <li>INCOMPLETE_MATERIALS: complete the materials and apply to the same product again;</li>
 *   <li>INDUSTRY_POLICY and any other reason: products of other banks.</li>
 * </ul>
 */
public final class DeclineRoute {

    /** Policy tools that stand in for collateral. */
    private static final Set<String> COLLATERAL_TOOLS = Set.of("GOVERNMENT_GUARANTEE", "RISK_POOL");
    /** Guarantee types that need no collateral of the enterprise's own. */
    private static final Set<String> NO_COLLATERAL = Set.of("CREDIT", "POLICY_GUARANTEE");

    private DeclineRoute() {
    }

    /** The latest decline of a need: which application, product and bank, why, and when. */
    public record Decline(String applicationId, String productId, String bankId, String reasonCode,
            Instant declinedAt) {
    }

    /** What the enterprise can do after a decline; {@code checklist} holds near misses (what to improve). */
    public record NextSteps(@Size(max = Bounds.ID) String applicationId, @Size(max = Bounds.ID) String declinedProductId,
            @Size(max = Bounds.CODE) String bankId, @Size(max = Bounds.STATUS) String reasonCode,
            Instant declinedAt, Message advice,
            @Size(max = MatchingEngine.MAX_TOP_SIZE) List<Suggestion> products,
            @Size(max = MatchingEngine.NEAR_MISS_LIMIT) List<Recommendation.NearMiss> checklist) {
    }

    /** A recommended product that answers the reason of the decline, and why it does. */
    public record Suggestion(@Size(max = Bounds.ID) String productId, @Size(max = Bounds.CODE) String bankId,
            @Size(max = Bounds.NAME) String name, @DecimalMin("0") @DecimalMax("100") BigDecimal score, Message why) {
    }

    /**
     * The next steps after {@code decline} for a need whose current recommendation is {@code current};
     * {@code guaranteeTypes} gives a product's guarantee types (empty when unknown).
     */
    public static NextSteps route(Decline decline, Recommendation current,
            Function<String, List<String>> guaranteeTypes) {
        String reason = decline.reasonCode() == null ? "OTHER" : decline.reasonCode();
        List<Suggestion> products = new ArrayList<>();
        List<Recommendation.NearMiss> checklist = List.of();
        Message advice;
        switch (reason) {
            case "INSUFFICIENT_COLLATERAL" -> {
                advice = Message.of("抵押担保不足：可选择有政府性融资担保或风险补偿资金池支持的产品，或信用贷款。",
                        "Insufficient collateral: products backed by a government guarantee or a risk pool, or "
                                + "credit loans, need no collateral of your own.");
                for (Recommendation.RecommendedProduct p : others(decline, current)) {
                    Message why = collateralFree(p, guaranteeTypes.apply(p.productId()));
                    if (why != null) {
                        products.add(suggestion(p, why));
                    }
                }
            }
            case "INSUFFICIENT_REVENUE", "CREDIT_HISTORY" -> {
                advice = Message.of("可先申请有政策支持的产品；下列清单说明还差哪些条件、差多少。",
                        "Policy-backed products may accept you now; the checklist says which conditions you miss "
                                + "and by how much.");
                for (Recommendation.RecommendedProduct p : others(decline, current)) {
                    if (p.policySupport() != null && !p.policySupport().isEmpty()) {
                        products.add(suggestion(p, Message.of("有政策支持：" + kinds(p), "Policy-backed: " + kinds(p))));
                    }
                }
                checklist = current.nearMisses() == null ? List.of() : current.nearMisses();
            }
            case "INCOMPLETE_MATERIALS" -> advice = Message.of("材料不齐全：请按产品所需材料补齐后再次申请该产品。",
                    "Incomplete materials: complete the materials the product requires and apply to it again.");
            default -> {
                advice = Message.of("可选择其他银行的产品。", "Products of other banks may accept you.");
                for (Recommendation.RecommendedProduct p : others(decline, current)) {
                    if (!p.bankId().equals(decline.bankId())) {
                        products.add(suggestion(p, Message.of("其他银行的产品", "Another bank's product")));
                    }
                }
            }
        }
        return new NextSteps(decline.applicationId(), decline.productId(), decline.bankId(), reason,
                decline.declinedAt(), advice, products, checklist);
    }

    /** Why a product asks no collateral of the enterprise, or null when it may. */
    private static Message collateralFree(Recommendation.RecommendedProduct p, List<String> guaranteeTypes) {
        if (p.policySupport() != null && p.policySupport().stream().anyMatch(s -> COLLATERAL_TOOLS.contains(s.kind()))) {
            return Message.of("有政府性融资担保或风险补偿资金池支持", "Backed by a government guarantee or a risk pool");
        }
        if (guaranteeTypes.stream().anyMatch(NO_COLLATERAL::contains)) {
            return Message.of("信用贷款或政策性担保，无需抵押", "A credit loan or policy guarantee: no collateral needed");
        }
        return null;
    }

    private static List<Recommendation.RecommendedProduct> others(Decline decline, Recommendation current) {
        return current.products().stream().filter(p -> !p.productId().equals(decline.productId())).toList();
    }

    private static Suggestion suggestion(Recommendation.RecommendedProduct p, Message why) {
        return new Suggestion(p.productId(), p.bankId(), p.name(), p.score(), why);
    }

    private static String kinds(Recommendation.RecommendedProduct p) {
        return String.join(", ", p.policySupport().stream().map(Recommendation.PolicySupport::kind).distinct().toList());
    }
}
