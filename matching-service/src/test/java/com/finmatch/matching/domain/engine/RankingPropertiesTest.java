package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.RankedProduct;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.Rule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the ranking over random worlds and random event sequences. */
class RankingPropertiesTest {

    @Property(tries = 200)
    void aProductFailingAHardRuleIsNeverRecommended(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int events) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine engine = world.played(events, 3);
        for (Map.Entry<String, List<RankedProduct>> entry : engine.allTopLists().entrySet()) {
            FinancingNeed need = world.needs.get(entry.getKey());
            for (RankedProduct ranked : entry.getValue()) {
                LoanProduct p = world.products.get(ranked.productId());
                assertEquals("PUBLISHED", p.status());
                assertTrue(need.amount().compareTo(p.minAmount()) >= 0 && need.amount().compareTo(p.maxAmount()) <= 0);
                assertTrue(need.guaranteeTypes().stream().anyMatch(p.guaranteeTypes()::contains));
                for (Rule rule : p.rules()) {
                    if (rule.hard()) {
                        assertTrue(engine.evaluate(rule, need.needId()),
                                () -> "recommended " + p.productId() + " fails " + rule + " for " + need);
                    }
                }
            }
        }
    }

    /** What the enterprise asked for is a hard check too: its term, its maximum rate, and not a declined product. */
    @Property(tries = 200)
    void aProductOutsideTheNeedsTermOrAboveItsMaximumRateOrDeclinedIsNeverRecommended(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int events) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine engine = world.played(events, 3);
        for (Map.Entry<String, List<RankedProduct>> entry : engine.allTopLists().entrySet()) {
            FinancingNeed need = world.needs.get(entry.getKey());
            for (RankedProduct ranked : entry.getValue()) {
                LoanProduct p = world.products.get(ranked.productId());
                assertTrue(need.termMonths() >= p.minTermMonths() && need.termMonths() <= p.maxTermMonths(),
                        () -> p.productId() + " recommended for the term " + need.termMonths());
                assertTrue(need.maxAnnualRate() == null || world.estimatedRate(p).compareTo(need.maxAnnualRate()) <= 0,
                        () -> p.productId() + " at " + world.estimatedRate(p) + "% recommended under " + need.maxAnnualRate());
                assertTrue(!world.declined.contains(need.needId() + "/" + p.productId()),
                        () -> "declined " + p.productId() + " recommended again for " + need.needId());
            }
            Recommendation r = engine.recommend(entry.getKey());
            for (Recommendation.NearMiss miss : r.nearMisses()) {
                assertTrue(!world.declined.contains(need.needId() + "/" + miss.productId()),
                        "a declined product is no near miss either");
            }
        }
    }

    @Property(tries = 200)
    void raisingAProductsRateNeverRaisesItsScore(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int raiseBp) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine engine = new MatchingEngine(3, Fixtures.TODAY, 1);
        for (int i = 0; i < 40; i++) {
            world.randomEvent(engine);
        }
        BigDecimal raise = BigDecimal.valueOf(raiseBp, 2);
        for (String productId : new ArrayList<>(world.products.keySet())) {
            for (FinancingNeed need : world.needs.values()) {
                LoanProduct original = world.products.get(productId);
                int before = engine.scoreOf(productId, need.needId());
                LoanProduct raised = Fixtures.withRate(original, original.minAnnualRate().add(raise));
                engine.upsertProduct(raised);
                int after = engine.scoreOf(productId, need.needId());
                assertTrue(after <= before, () -> "raising the rate of " + productId + " raised its score for "
                        + need.needId() + " from " + before + " to " + after);
                BigDecimal max = need.maxAnnualRate();
                if (max != null && before >= 0 && original.minAnnualRate().compareTo(max) <= 0
                        && raised.minAnnualRate().subtract(new BigDecimal("1.50")).compareTo(max) > 0) {
                    assertTrue(after < before, "above the enterprise's maximum a product loses its rate points");
                }
                LoanProduct restored = Fixtures.withRate(raised, original.minAnnualRate());
                engine.upsertProduct(restored);
                world.products.put(productId, restored);
            }
        }
    }

    @Property(tries = 200)
    void resultsDoNotDependOnEventOrderForTheSameFinalState(@ForAll long seed) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine throwaway = new MatchingEngine(3, Fixtures.TODAY, 1);
        for (int i = 0; i < 60; i++) {
            world.randomEvent(throwaway);
        }
        List<Consumer<MatchingEngine>> events = world.finalStateEvents();
        MatchingEngine first = new MatchingEngine(3, Fixtures.TODAY, 1);
        events.forEach(e -> e.accept(first));
        List<Consumer<MatchingEngine>> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5eed));
        MatchingEngine second = new MatchingEngine(3, Fixtures.TODAY, 1);
        shuffled.forEach(e -> e.accept(second));
        assertEquals(first.allTopLists(), second.allTopLists());
        assertEquals(throwaway.allTopLists(), first.allTopLists());
    }

    @Property(tries = 300)
    void incrementalResultEqualsAFullReMatchAfterAnySequenceOfEvents(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int events, @ForAll @IntRange(min = 1, max = 4) int topSize) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine incremental = new MatchingEngine(topSize, Fixtures.TODAY, 1);
        for (int i = 0; i < events; i++) {
            world.randomEvent(incremental);
        }
        Map<String, List<RankedProduct>> expected = world.freshEngine(topSize, 2).allTopLists();
        assertEquals(expected, incremental.allTopLists());
        assertEquals(List.of(), incremental.rematchAll(null), "a full re-match of the same state changes nothing");
    }

    /**
     * The engine keeps the explanations it gave until its state changes: read after every event, they are always the
     * ones an engine that was never read gives for the same events (a change that left an old explanation in place
     * would show here).
     */
    @Property(tries = 200)
    void explanationsReadBetweenEventsEqualThoseOfAnEngineNeverRead(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int events) {
        RandomWorld readWorld = new RandomWorld(seed);
        RandomWorld unreadWorld = new RandomWorld(seed);
        MatchingEngine read = new MatchingEngine(3, Fixtures.TODAY, 1);
        MatchingEngine unread = new MatchingEngine(3, Fixtures.TODAY, 1);
        for (int i = 0; i < events; i++) {
            readWorld.randomEvent(read);
            unreadWorld.randomEvent(unread);
            for (String need : read.openNeeds()) {
                assertEquals(read.recommend(need), read.recommend(need), "the same state explains a need the same way");
            }
        }
        assertEquals(unread.openNeeds(), read.openNeeds());
        for (String need : read.openNeeds()) {
            assertEquals(unread.recommend(need), read.recommend(need), need);
        }
    }
}
