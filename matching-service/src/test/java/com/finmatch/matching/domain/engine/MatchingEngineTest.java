package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.Rule;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.TrainingOffer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.finmatch.matching.domain.engine.Fixtures.TODAY;
import static com.finmatch.matching.domain.engine.Fixtures.enterprise;
import static com.finmatch.matching.domain.engine.Fixtures.hard;
import static com.finmatch.matching.domain.engine.Fixtures.need;
import static com.finmatch.matching.domain.engine.Fixtures.product;
import static com.finmatch.matching.domain.engine.Fixtures.soft;
import static com.finmatch.matching.domain.engine.Fixtures.uuid;
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
        assertTrue(engine.topList("n1").isEmpty(), "4.80 > 4.50: not recommended without the subsidy");
        List<String> changed = engine.upsertPolicyTool(new PolicyTool("sub", "INTEREST_SUBSIDY", "肇庆贴息",
                new BigDecimal("1.00"), true));
        assertEquals(List.of("n1"), changed);
        Recommendation.RecommendedProduct p = engine.recommend("n1").products().get(0);
        assertEquals(new BigDecimal("3.80"), p.estimatedRate());
        assertEquals(1, p.policySupport().size());
        assertEquals(new BigDecimal("57.55"), p.score(),
                "25 appetite + 10 term + 10 + 10 × (4.50 − 3.80) / 4.50 rate + 8 guarantee + 3 subsidy");
    }

    @Test
    void shouldShowAProductAboveTheNeedsMaximumRateAsANearMissSayingSo() {
        engine.upsertEnterprise(enterprise("e1", "441202", "SMART_HARDWARE", "SMALL", List.of(), 8_000_000, "AA"));
        engine.upsertNeed(need("n1", "e1", 2_000_000, 24, List.of("CREDIT"), "5.00"));
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "5.20", List.of("CREDIT"), List.of(),
                List.of()));
        engine.upsertProduct(product(uuid(2), "ICBC", 100_000, 5_000_000, "4.90", List.of("CREDIT"), List.of(),
                List.of()));
        Recommendation r = engine.recommend("n1");
        assertEquals(List.of(uuid(2)), r.products().stream().map(Recommendation.RecommendedProduct::productId).toList());
        assertEquals(List.of(uuid(1)), r.nearMisses().stream().map(Recommendation.NearMiss::productId).toList());
        assertEquals(List.of("年利率 5.2% 高于您可接受的 5.0%"),
                r.nearMisses().get(0).failedRules().stream().map(Message::zh).toList());
        assertEquals("Annual rate 5.2% above your maximum of 5.0%", r.nearMisses().get(0).failedRules().get(0).en());
        assertTrue(r.products().get(0).reasons().stream().map(Message::zh).toList()
                .contains("预计年利率 4.9% 不高于您可接受的 5.0%"));
    }

    @Test
    void shouldShowAProductWhoseTermRangeExcludesTheNeedsTermAsANearMiss() {
        engine.upsertEnterprise(enterprise("e1", "441202", "SMART_HARDWARE", "SMALL", List.of(), 8_000_000, "AA"));
        engine.upsertNeed(need("n1", "e1", 2_000_000, 48, List.of("CREDIT"), null));
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(),
                List.of()));
        Recommendation r = engine.recommend("n1");
        assertTrue(r.products().isEmpty(), "a 48-month need is not served by a 6–36-month product");
        assertEquals(List.of("A term of 48 months is outside the product's range (6–36 months)"),
                r.nearMisses().get(0).failedRules().stream().map(Message::en).toList());
        engine.upsertNeed(need("n1", "e1", 2_000_000, 36, List.of("CREDIT"), null));
        assertEquals(uuid(1), engine.topList("n1").get(0).productId());
    }

    @Test
    void shouldCountAPolicyToolOnlyWhileItIsValidAndNotExhausted() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "4.00", List.of("CREDIT"), List.of(),
                List.of("sub", "pool")));
        BigDecimal million = new BigDecimal("1000000");
        BigDecimal base = engine.topList("n1").get(0).score();
        engine.upsertPolicyTool(new PolicyTool("sub", "INTEREST_SUBSIDY", "贴息", new BigDecimal("1.00"), true,
                TODAY.minusDays(30), TODAY, null, null, million, BigDecimal.ZERO));
        engine.upsertPolicyTool(new PolicyTool("pool", "RISK_POOL", "资金池", null, true, null, null, million,
                new BigDecimal("999999"), null, null));
        Recommendation.RecommendedProduct counted = engine.recommend("n1").products().get(0);
        assertEquals(new BigDecimal("3.00"), counted.estimatedRate(), "valid through today, budget left");
        assertEquals(2, counted.policySupport().size());

        engine.upsertPolicyTool(new PolicyTool("sub", "INTEREST_SUBSIDY", "贴息", new BigDecimal("1.00"), true,
                TODAY.minusDays(30), TODAY.minusDays(1), null, null, million, BigDecimal.ZERO));
        engine.upsertPolicyTool(new PolicyTool("pool", "RISK_POOL", "资金池", null, true, null, null, million,
                million, null, null));
        Recommendation.RecommendedProduct expired = engine.recommend("n1").products().get(0);
        assertEquals(new BigDecimal("4.00"), expired.estimatedRate(), "an expired subsidy lowers nothing");
        assertEquals(List.of(), expired.policySupport(), "an exhausted pool adds nothing");
        assertEquals(base, expired.score());

        engine.upsertPolicyTool(new PolicyTool("sub", "INTEREST_SUBSIDY", "贴息", new BigDecimal("1.00"), true,
                null, null, null, null, million, million));
        engine.upsertPolicyTool(new PolicyTool("pool", "RISK_POOL", "资金池", null, true, TODAY.plusDays(1), null,
                million, BigDecimal.ZERO, null, null));
        Recommendation.RecommendedProduct spent = engine.recommend("n1").products().get(0);
        assertEquals(new BigDecimal("4.00"), spent.estimatedRate(), "a spent subsidy budget lowers nothing");
        assertEquals(base, spent.score(), "a pool valid only from tomorrow adds nothing today");
    }

    @Test
    void shouldNotRecommendADeclinedProductForThatNeedAgain() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertNeed(need("n2", "e1", 2_000_000, 24, List.of("CREDIT"), "4.50"));
        engine.upsertProduct(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80", List.of("CREDIT"), List.of(),
                List.of()));
        engine.upsertProduct(product(uuid(2), "ICBC", 100_000, 5_000_000, "4.20", List.of("CREDIT"), List.of(),
                List.of()));
        assertEquals(List.of("n1"), engine.declineProduct("n1", uuid(1), true));
        Recommendation r = engine.recommend("n1");
        assertEquals(List.of(uuid(2)), r.products().stream().map(Recommendation.RecommendedProduct::productId).toList());
        assertTrue(r.nearMisses().isEmpty(), "a declined product is no near miss either");
        assertEquals(uuid(1), engine.topList("n2").get(0).productId(), "another need still gets it");
        engine.upsertProduct(Fixtures.withRate(product(uuid(1), "ZQRCB", 100_000, 5_000_000, "3.80",
                List.of("CREDIT"), List.of(), List.of()), new BigDecimal("3.00")));
        assertEquals(List.of(uuid(2)), engine.topList("n1").stream().map(RankedProduct::productId).toList(),
                "a changed product stays declined");
        assertEquals(List.of(), engine.declineProduct("n1", uuid(1), true), "declining twice changes nothing");
        assertEquals(List.of("n1"), engine.declineProduct("n1", uuid(1), false));
        assertEquals(uuid(1), engine.topList("n1").get(0).productId());
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
    void shouldNotOfferTrainingThatIsFullOrOver() {
        smallHighTechFirmNeedingTwoMillion();
        engine.upsertTrainingOffer(new TrainingOffer("full", "深交所", "Full", "ONLINE", TODAY, TODAY, 30, 0,
                List.of(), "OPEN"));
        engine.upsertTrainingOffer(new TrainingOffer("over", "深交所", "Over", "ONLINE", TODAY.minusDays(3),
                TODAY.minusDays(1), 30, 10, List.of(), "OPEN"));
        engine.upsertTrainingOffer(new TrainingOffer("open", "深交所", "Open", "ONLINE", TODAY, TODAY.plusDays(2), 30,
                1, List.of(), "OPEN"));
        assertEquals(List.of("open"), engine.recommend("n1").trainingOffers().stream()
                .map(Recommendation.OfferMatch::offerId).toList());
        assertEquals(List.of("open"), engine.listingReadiness("e1").stream()
                .map(Recommendation.OfferMatch::offerId).toList());
    }

    @Test
    void shouldShowAtMostFiftyTrainingOffersTheBestFirst() {
        smallHighTechFirmNeedingTwoMillion();
        for (int i = 0; i < MatchingEngine.MAX_OFFERS + 10; i++) {
            // every third offer also rewards high-tech firms: those score 100, the others 0
            List<Rule> rules = i % 3 == 0 ? List.of(soft("tags", Operator.CONTAINS, "HIGH_TECH", 50, "High-tech"))
                    : List.of(soft("tags", Operator.CONTAINS, "SRDI_LITTLE_GIANT", 50, "Little giant"));
            engine.upsertTrainingOffer(new TrainingOffer(String.format("o%02d", i), "深交所", "Course " + i, "ONLINE",
                    TODAY, TODAY, 30, 10, rules, "OPEN"));
        }
        List<Recommendation.OfferMatch> forNeed = engine.recommend("n1").trainingOffers();
        List<Recommendation.OfferMatch> readiness = engine.listingReadiness("e1");
        assertEquals(MatchingEngine.MAX_OFFERS, forNeed.size());
        assertEquals(MatchingEngine.MAX_OFFERS, readiness.size());
        assertEquals("o00", forNeed.get(0).offerId());
        assertEquals(20, forNeed.stream().filter(o -> o.score().signum() > 0).count(),
                "all 20 offers that score are kept, ahead of those that do not");
        assertEquals(new BigDecimal("0.00"), forNeed.get(MatchingEngine.MAX_OFFERS - 1).score());
    }

    @Test
    void shouldOfferTrainingToAnEnterpriseWithoutAnOpenNeed() {
        engine.upsertEnterprise(enterprise("e1", "441202", "NEV", "SMALL", List.of("HIGH_TECH"), 8_000_000, "AA"));
        engine.upsertNeed(need("n1", "e1", 2_000_000, 24, List.of("CREDIT"), null));
        engine.closeNeed("n1"); // its row is free again, with its fields still there
        engine.upsertTrainingOffer(new TrainingOffer("o1", "深交所", "Listing bootcamp", "ONLINE", TODAY, TODAY, 30, 10,
                List.of(hard("annualRevenue", Operator.GE, 5_000_000, "Revenue of 5 million"),
                        soft("tags", Operator.CONTAINS, "HIGH_TECH", 50, "High-tech")), "OPEN"));
        engine.upsertTrainingOffer(new TrainingOffer("o2", "券商", "Pre-IPO", "OFFLINE", TODAY, TODAY, 30, 10,
                List.of(hard("annualRevenue", Operator.GE, 100_000_000, "Revenue of 100 million")), "OPEN"));
        engine.upsertTrainingOffer(new TrainingOffer("o3", "券商", "Needs", "OFFLINE", TODAY, TODAY, 30, 10,
                List.of(hard("amount", Operator.GE, 1, "Has a need")), "OPEN"));
        assertTrue(engine.openNeedsOf("e1").isEmpty());
        List<Recommendation.OfferMatch> offers = engine.listingReadiness("e1");
        assertEquals(List.of("o1"), offers.stream().map(Recommendation.OfferMatch::offerId).toList(),
                "a rule on a need field never passes without a need");
        assertEquals(List.of("Revenue of 5 million", "High-tech"),
                offers.get(0).reasons().stream().map(Message::en).toList());
        assertTrue(engine.listingReadiness("unknown").isEmpty());
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
