package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full re-match skips a candidate need when the product's bound for it is below the worst score of the need's full
 * top list: a bound below the real score would lose that match silently. Random needs (with and without a term or a
 * maximum rate) and random products (rates on and around those maxima, soft and programme rules, policy tools).
 */
class ScoreBoundPropertiesTest {

    private static final List<String> RATES = List.of("0.00", "0.50", "2.80", "3.45", "3.50", "4.50", "6.00", "9.99");

    @Property(tries = 300)
    void theFullReMatchsPruningBoundIsNeverBelowTheScoreOfAnyEligiblePair(@ForAll long seed) {
        RandomWorld world = new RandomWorld(seed);
        Random random = world.random();
        MatchingEngine engine = new MatchingEngine(3, Fixtures.TODAY, 1);
        for (int i = 0; i < 3; i++) {
            PolicyTool tool = world.tool("t" + i);
            engine.upsertPolicyTool(tool);
        }
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EnterpriseProfile e = world.enterprise("e" + i);
            engine.upsertEnterprise(e);
            enterprises.add(e.enterpriseId());
        }
        List<String> needs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FinancingNeed n = world.need("n" + i, world.pick(enterprises));
            n = new FinancingNeed(n.needId(), n.enterpriseId(), n.amount(),
                    random.nextInt(3) == 0 ? null : 1 + random.nextInt(120), n.purpose(), n.guaranteeTypes(),
                    random.nextInt(4) == 0 ? null : rate(random), null, null);
            engine.upsertNeed(n);
            needs.add(n.needId());
        }
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LoanProduct p = Fixtures.withRate(world.product(Fixtures.uuid(i)), rate(random));
            engine.upsertProduct(p);
            products.add(p.productId());
        }
        for (String product : products) {
            for (String need : needs) {
                int score = engine.scoreOf(product, need);
                if (score >= 0) {
                    int bound = engine.boundOf(product, need);
                    assertTrue(bound >= score, () -> "the bound " + bound + " of " + product + " for " + need
                            + " is below its score " + score);
                }
            }
        }
    }

    @Example
    void theWeightsAddUpToAHundredPoints() {
        assertEquals(10_000, ScoreWeights.MAX);
        assertEquals(ScoreWeights.RATE, ScoreWeights.ratePoints(0, 450), "the full rate points at an estimated 0 %");
        assertEquals(ScoreWeights.RATE_AT_CAP, ScoreWeights.ratePoints(450, 450), "at the cap");
        assertEquals(ScoreWeights.GUARANTEE, ScoreWeights.guaranteePoints(0b101, 0b101), "every guarantee type");
    }

    /** A rate on or near the maxima the needs draw, or any rate in hundredths up to 9.99 %. */
    private static BigDecimal rate(Random random) {
        return random.nextBoolean() ? new BigDecimal(RATES.get(random.nextInt(RATES.size())))
                : BigDecimal.valueOf(random.nextInt(1000), 2);
    }
}
