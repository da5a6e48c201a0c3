package com.finmatch.matching.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.finmatch.matching.domain.Fixtures.TODAY;
import static com.finmatch.matching.domain.Fixtures.enterprise;
import static com.finmatch.matching.domain.Fixtures.hard;
import static com.finmatch.matching.domain.Fixtures.need;
import static com.finmatch.matching.domain.Fixtures.product;
import static com.finmatch.matching.domain.Fixtures.soft;
import static com.finmatch.matching.domain.Fixtures.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine(3, TODAY, 1);

    private void smallHighTechFirmNeedingTwoMillion() {
        engine.upsertEnterprise(enterprise("e1", "441202", "SMART_HARDWARE", "SMALL", List.of("HIGH_TECH"), 8_000_000,
                "AA"));
        engine.upsertNeed(need("n1", "e1", 2_000_000, 24, List.of("CREDIT"), "4.50"));
    }

    @Test
    void shouldRankEligibleProductsByScoreAndExplainWhy() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"),
                List.of(hard("districtCode", Operator.IN, List.of("441202", "441203"), "Duanzhou or Dinghu"),
                        soft("tags", Operator.CONTAINS, "HIGH_TECH", 60, "High-tech enterprises preferred")),
                List.of()));
        engine.upsertProduct(product(uuid(2), "ICBC", 100_000, 5_000_000, "4.20", List.of("CREDIT", "MORTGAGE"),
                List.of(soft("annualRevenue", Operator.GE, 50_000_000, 50, "Revenue above 50 million")), List.of()));

        List<RankedProduct> top = engine.topList("n1");
        assertEquals(List.of(uuid(1), uuid(2)), top.stream().map(RankedProduct::productId).toList());
        assertTrue(top.get(0).score().compareTo(top.get(1).score()) > 0);

        Recommendation.RecommendedProduct best = engine.recommend("n1").products().get(0);
        List<String> reasons = best.reasons().stream().map(Message::en).toList();
        assertTrue(reasons.contains("Duanzhou or Dinghu"), reasons.toString());
        assertTrue(reasons.contains("High-tech enterprises preferred"), reasons.toString());
        assertTrue(reasons.contains("Term within the product's range"), reasons.toString());
        assertTrue(best.reasons().stream().anyMatch(m -> m.zh().startsWith("金额在产品额度范围内")));
        assertEquals(new BigDecimal("3.80"), best.estimatedRate());
    }

    @Test
    void shouldScoreAPerfectFitAtOneHundred() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertPolicyTool(new PolicyTool("t1", "INTEREST_SUBSIDY", "贴息", new BigDecimal("1.00"), true));
        engine.upsertPolicyTool(new PolicyTool("t2", "RISK_POOL", "资金池", null, true));
        engine.upsertPolicyTool(new PolicyTool("t3", "GOVERNMENT_GUARANTEE", "担保", null, true));
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "0.50", List.of("CREDIT"),
                List.of(hard("clusterCode", Operator.EQ, "SMART_HARDWARE", "Smart hardware cluster"),
                        soft("creditRating", Operator.GE, "A", 10, "Rated A or better")),
                List.of("t1", "t2", "t3")));
        RankedProduct top = engine.topList("n1").get(0);
        assertEquals(new BigDecimal("100.00"), top.score());
        assertEquals(new BigDecimal("0.00"), engine.recommend("n1").products().get(0).estimatedRate());
    }

    @Test
    void shouldSubtractAnActiveInterestSubsidyFromTheEstimatedRate() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "4.80", List.of("CREDIT"), List.of(),
                List.of("sub")));
        assertEquals(new BigDecimal("43.00"), engine.topList("n1").get(0).score(),
                "25 appetite + 10 term + 0 rate (4.80 > 4.50) + 8 guarantee + 0 policy");
        List<String> changed = engine.upsertPolicyTool(new PolicyTool("sub", "INTEREST_SUBSIDY", "肇庆贴息",
                new BigDecimal("1.00"), true));
        assertEquals(List.of("n1"), changed);
        Recommendation.RecommendedProduct p = engine.recommend("n1").products().get(0);
        assertEquals(new BigDecimal("3.80"), p.estimatedRate());
        assertEquals(1, p.policySupport().size());
        assertEquals(new BigDecimal("57.55"), p.score(), "+ 10 + 10 × (4.50 − 3.80) / 4.50 rate + 3 subsidy");
    }

    @Test
    void shouldListNearMissesWithTheHardRulesThatFailed() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 1_000_000, "3.80", List.of("CREDIT"),
                List.of(hard("annualRevenue", Operator.GE, 10_000_000, "Revenue of at least 10 million")), List.of()));
        engine.upsertProduct(product(uuid(2), "ICBC", 100_000, 5_000_000, "3.80", List.of("MORTGAGE"),
                List.of(hard("districtCode", Operator.EQ, "441284", "Sihui only"),
                        hard("sizeClass", Operator.EQ, "LARGE", "Large firms"),
                        hard("creditRating", Operator.EQ, "AAA", "AAA only")), List.of()));
        Recommendation r = engine.recommend("n1");
        assertTrue(r.products().isEmpty());
        assertEquals(1, r.nearMisses().size(), "the product failing four checks is no near miss");
        Recommendation.NearMiss miss = r.nearMisses().get(0);
        assertEquals(uuid(1), miss.productId());
        assertEquals(List.of("The amount must be between 100000–1000000 yuan", "Revenue of at least 10 million"),
                miss.failedRules().stream().map(Message::en).toList());
    }

    @Test
    void shouldBreakEqualScoresByProductId() {
        smallHighTechFirmNeedingTwoMillion();
        for (int i : new int[] {7, 3, 9, 1}) {
            engine.upsertProduct(product(uuid(i), "B" + i, 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(),
                    List.of()));
        }
        assertEquals(List.of(uuid(1), uuid(3), uuid(7)),
                engine.topList("n1").stream().map(RankedProduct::productId).toList());
    }

    @Test
    void shouldNotMatchProductsThatAreNotPublishedOrNotValidToday() {
        smallHighTechFirmNeedingTwoMillion();
        LoanProduct p = product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(), List.of());
        engine.upsertProduct(p);
        assertEquals(1, engine.topList("n1").size());
        assertEquals(List.of("n1"), engine.changeProductStatus(uuid(1), "SUSPENDED", 2));
        assertTrue(engine.topList("n1").isEmpty());
        engine.upsertProduct(new LoanProduct(p.productId(), p.bankId(), p.name(), p.type(), p.minAmount(),
                p.maxAmount(), 6, 36, p.minAnnualRate(), p.maxAnnualRate(), p.guaranteeTypes(), p.rules(),
                p.policyToolIds(), TODAY.plusDays(1), null, "PUBLISHED", 3));
        assertTrue(engine.topList("n1").isEmpty(), "not valid before validFrom");
    }

    @Test
    void shouldIgnoreAnOlderVersionOfAProduct() {
        smallHighTechFirmNeedingTwoMillion();
        LoanProduct p = product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(), List.of());
        engine.upsertProduct(Fixtures.withRate(p, new BigDecimal("3.00")));
        engine.upsertProduct(p);
        assertEquals(new BigDecimal("3.00"), engine.recommend("n1").products().get(0).estimatedRate());
    }

    @Test
    void shouldReportAChangeOnlyWhenATopListChanges() {
        smallHighTechFirmNeedingTwoMillion();
        LoanProduct p = product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(), List.of());
        assertEquals(List.of("n1"), engine.upsertProduct(p));
        assertEquals(List.of(), engine.upsertProduct(new LoanProduct(p.productId(), p.bankId(), "Renamed", p.type(),
                p.minAmount(), p.maxAmount(), 6, 36, p.minAnnualRate(), p.maxAnnualRate(), p.guaranteeTypes(),
                p.rules(), p.policyToolIds(), null, null, "PUBLISHED", 2)));
        assertEquals(List.of(), engine.upsertProduct(product(uuid(2), "X", 100_000, 500_000, "3.80",
                List.of("CREDIT"), List.of(), List.of())), "a product no need can take changes nothing");
        assertFalse(engine.upsertNeed(need("n1", "e1", 2_000_000, 24, List.of("CREDIT"), "4.50")));
        assertTrue(engine.closeNeed("n1"));
        assertTrue(engine.topList("n1").isEmpty());
    }

    @Test
    void shouldReMatchAnEnterprisesNeedsWhenItsProfileChanges() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"),
                List.of(hard("districtCode", Operator.EQ, "441203", "Dinghu only")), List.of()));
        assertTrue(engine.topList("n1").isEmpty());
        List<String> changed = engine.upsertEnterprise(enterprise("e1", "441203", "SMART_HARDWARE", "SMALL",
                List.of("HIGH_TECH"), 8_000_000, "AA"));
        assertEquals(List.of("n1"), changed);
        assertEquals(uuid(1), engine.topList("n1").get(0).productId());
    }

    @Test
    void shouldOfferTrainingWhoseEntryCriteriaTheEnterpriseMeets() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertTrainingOffer(new TrainingOffer("o1", "深交所", "Listing bootcamp", "ONLINE", TODAY, TODAY, 30, 10,
                List.of(hard("annualRevenue", Operator.GE, 5_000_000, "Revenue of 5 million"),
                        soft("tags", Operator.CONTAINS, "HIGH_TECH", 50, "High-tech")), "OPEN"));
        engine.upsertTrainingOffer(new TrainingOffer("o2", "券商", "Pre-IPO", "OFFLINE", TODAY, TODAY, 30, 10,
                List.of(hard("annualRevenue", Operator.GE, 100_000_000, "Revenue of 100 million")), "OPEN"));
        List<Recommendation.OfferMatch> offers = engine.recommend("n1").trainingOffers();
        assertEquals(1, offers.size());
        assertEquals("o1", offers.get(0).offerId());
        assertEquals(new BigDecimal("100.00"), offers.get(0).score());
        engine.closeTrainingOffer("o1");
        assertTrue(engine.recommend("n1").trainingOffers().isEmpty());
    }

    @Test
    void shouldMatchAProjectsFinancingGapLikeANeed() {
        engine.upsertEnterprise(enterprise("e1", "441202", "NEV", "MEDIUM", List.of(), 80_000_000, "A"));
        engine.upsertNeed(new FinancingNeed("p1", "e1", new BigDecimal("30000000"), null, "PROJECT",
                MatchingEngine.GUARANTEE_TYPES, null, null, "p1"));
        engine.upsertProduct(product(uuid(1), "CCB", 1_000_000, 50_000_000, "3.50", List.of("MORTGAGE"),
                List.of(hard("hasProject", Operator.EQ, true, "Project loans")), List.of()));
        assertEquals(uuid(1), engine.topList("p1").get(0).productId());
        assertEquals("p1", engine.recommend("p1").projectId());
    }
}
