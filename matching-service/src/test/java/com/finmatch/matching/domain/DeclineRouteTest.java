package com.finmatch.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclineRouteTest {

    private static final Recommendation.PolicySupport GUARANTEE =
            new Recommendation.PolicySupport("t1", "GOVERNMENT_GUARANTEE", "政府性融资担保", null);
    private static final Recommendation.PolicySupport SUBSIDY =
            new Recommendation.PolicySupport("t2", "INTEREST_SUBSIDY", "贴息", new BigDecimal("1.00"));

    /** The declined product (if the engine still listed it), a mortgage loan, a guaranteed one, a credit loan. */
    private static final Recommendation CURRENT = new Recommendation("need", "ent", null, List.of(
            product("declined", "ZQRCB"),
            product("mortgage", "ZQRCB"),
            product("guaranteed", "ICBC", GUARANTEE),
            product("credit", "ZQRCB"),
            product("subsidised", "CCB", SUBSIDY)),
            List.of(new Recommendation.NearMiss("missed", "BOC", "差一点", List.of(Message.of("年营收不低于1000万元",
                    "Annual revenue of at least 10 million")))), List.of());
    private static final Map<String, List<String>> GUARANTEE_TYPES = Map.of("mortgage", List.of("MORTGAGE"),
            "guaranteed", List.of("MORTGAGE"), "credit", List.of("CREDIT"), "subsidised", List.of("MORTGAGE"));

    @Test
    void shouldSuggestGuaranteedProductsAndCreditLoansAfterADeclineForCollateral() {
        DeclineRoute.NextSteps next = route("INSUFFICIENT_COLLATERAL");

        assertEquals(List.of("guaranteed", "credit"), ids(next));
        assertEquals(List.of(), next.checklist());
        assertEquals("declined", next.declinedProductId());
    }

    @Test
    void shouldSuggestPolicyBackedProductsAndWhatToImproveAfterADeclineForRevenueOrCreditHistory() {
        for (String reason : List.of("INSUFFICIENT_REVENUE", "CREDIT_HISTORY")) {
            DeclineRoute.NextSteps next = route(reason);

            assertEquals(List.of("guaranteed", "subsidised"), ids(next), reason);
            assertEquals(List.of("missed"), next.checklist().stream().map(Recommendation.NearMiss::productId).toList());
        }
    }

    @Test
    void shouldSuggestOnlyOtherBanksProductsAfterADeclineForIndustryPolicyOrAnUnknownReason() {
        for (String reason : List.of("INDUSTRY_POLICY", "OTHER", "SOMETHING_NEW")) {
            assertEquals(List.of("guaranteed", "subsidised"), ids(route(reason)), reason);
        }
        assertEquals("OTHER", DeclineRoute.route(new DeclineRoute.Decline("app", "declined", "ZQRCB", null,
                Instant.EPOCH), CURRENT, p -> List.of()).reasonCode());
    }

    @Test
    void shouldAskForTheMaterialsAndSuggestNoOtherProductAfterADeclineForIncompleteMaterials() {
        DeclineRoute.NextSteps next = route("INCOMPLETE_MATERIALS");

        assertEquals(List.of(), ids(next));
        assertTrue(next.advice().en().contains("materials"), next.advice().en());
    }

    private static DeclineRoute.NextSteps route(String reason) {
        return DeclineRoute.route(new DeclineRoute.Decline("app", "declined", "ZQRCB", reason, Instant.EPOCH), CURRENT,
                p -> GUARANTEE_TYPES.getOrDefault(p, List.of("CREDIT")));
    }

    private static List<String> ids(DeclineRoute.NextSteps next) {
        return next.products().stream().map(DeclineRoute.Suggestion::productId).toList();
    }

    private static Recommendation.RecommendedProduct product(String id, String bank,
            Recommendation.PolicySupport... support) {
        return new Recommendation.RecommendedProduct(id, bank, id, new BigDecimal("80"), List.of(), List.of(support),
                null, null);
    }
}
