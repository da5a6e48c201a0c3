package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.Recommendation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * matching-service in replicas: each engine holds every product but only the needs of the enterprises its replica
 * owns. Whatever the split, the replicas together list every need exactly as one engine holding everything does; a
 * need handed over (dropped by one engine, loaded by another) lists as if it had never moved; and a replica that does
 * not own a need explains it, from its stored state, exactly as its owner does.
 */
class ShardedEngineTest {

    @Property(tries = 150)
    void replicasTogetherListEveryNeedExactlyAsOneEngineDoes(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int events, @ForAll @IntRange(min = 1, max = 4) int replicas) {
        RandomWorld world = new RandomWorld(seed);
        world.played(events, 3);
        MatchingEngine single = world.freshEngine(3, 1);
        Map<String, Object> union = new TreeMap<>();
        for (int r = 0; r < replicas; r++) {
            int replica = r;
            MatchingEngine shard = shard(world, e -> Math.floorMod(e.hashCode(), replicas) == replica);
            shard.allTopLists().forEach((need, top) -> assertEquals(null, union.put(need, top), "two owners: " + need));
            for (String need : shard.openNeeds()) {
                assertEquals(single.recommend(need), shard.recommend(need), need);
            }
        }
        assertEquals(new TreeMap<>(single.allTopLists()), union);
    }

    @Property(tries = 150)
    void aNeedDroppedAndLoadedAgainListsAsIfItNeverMoved(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int events) {
        RandomWorld world = new RandomWorld(seed);
        MatchingEngine engine = world.played(events, 3);
        MatchingEngine single = world.freshEngine(3, 1);
        Predicate<String> moved = e -> Math.floorMod(e.hashCode(), 2) == 0;
        List<String> dropped = engine.dropNeedsOf(moved);
        for (String need : engine.openNeeds()) {
            assertTrue(!moved.test(engine.enterpriseOf(need)), "a dropped enterprise's need stayed: " + need);
        }
        assertEquals(new TreeSet<>(dropped), new TreeSet<>(needsOf(world, moved).stream().map(FinancingNeed::needId)
                .toList()));
        load(world, engine, moved);
        assertEquals(single.allTopLists(), engine.allTopLists());
        for (String need : engine.openNeeds()) {
            assertEquals(single.recommend(need), engine.recommend(need), need);
        }
    }

    @Property(tries = 150)
    void aReplicaThatDoesNotOwnANeedExplainsItAsItsOwnerDoes(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int events) {
        RandomWorld world = new RandomWorld(seed);
        world.played(events, 3);
        MatchingEngine owner = world.freshEngine(3, 1);
        Predicate<String> mine = e -> Math.floorMod(e.hashCode(), 2) == 0;
        MatchingEngine other = shard(world, mine);
        Map<String, Object> before = new TreeMap<>(other.allTopLists());
        for (String enterprise : world.enterprises.keySet()) {
            if (mine.test(enterprise)) {
                continue;
            }
            List<FinancingNeed> needs = needsOf(world, enterprise::equals);
            MatchingEngine.Explained explained = other.explainTransient(world.enterprises.get(enterprise), needs,
                    declinedOf(world));
            List<Recommendation> expected = new ArrayList<>();
            owner.openNeedsOf(enterprise).forEach(n -> expected.add(owner.recommend(n)));
            assertEquals(expected, explained.recommendations(), enterprise);
            assertEquals(owner.listingReadiness(enterprise), explained.listingReadiness(), enterprise);
        }
        assertEquals(before, new TreeMap<>(other.allTopLists()), "explaining another's needs changed no list of its own");
    }

    /**
     * A read of an enterprise whose partition is being loaded (its declines marked, its needs not yet in the engine)
     * takes the non-owner's path: it must leave the load's declines in place, so the loaded needs list as their
     * owner's do.
     */
    @Property(tries = 150)
    void aReadDuringALoadLeavesTheLoadsDeclinesInPlace(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int events) {
        RandomWorld world = new RandomWorld(seed);
        world.played(events, 3);
        MatchingEngine owner = world.freshEngine(3, 1);
        MatchingEngine loading = shard(world, e -> false);
        Map<String, Set<String>> declined = declinedOf(world);
        for (String enterprise : world.enterprises.keySet()) {
            List<FinancingNeed> needs = needsOf(world, enterprise::equals);
            needs.forEach(n -> declined.getOrDefault(n.needId(), Set.of())
                    .forEach(p -> loading.declineProduct(n.needId(), p, true)));
            loading.explainTransient(world.enterprises.get(enterprise), needs, declined);
            needs.forEach(loading::upsertNeed);
        }
        assertEquals(owner.allTopLists(), loading.allTopLists());
    }

    /** An engine with every product, policy tool and enterprise but only the needs of the enterprises {@code owns}. */
    private static MatchingEngine shard(RandomWorld world, Predicate<String> owns) {
        MatchingEngine engine = new MatchingEngine(3, Fixtures.TODAY, 1);
        engine.deferMatching();
        world.tools.values().forEach(engine::upsertPolicyTool);
        world.enterprises.values().forEach(engine::upsertEnterprise);
        world.products.values().forEach(engine::upsertProduct);
        engine.rematchAll(null);
        load(world, engine, owns);
        return engine;
    }

    /** What a replica does on assignment: the owned needs with their declined pairs, matched one by one. */
    private static void load(RandomWorld world, MatchingEngine engine, Predicate<String> owns) {
        List<FinancingNeed> needs = needsOf(world, owns);
        Set<String> ids = new TreeSet<>();
        needs.forEach(n -> ids.add(n.needId()));
        declinedOf(world).forEach((need, products) -> {
            if (ids.contains(need)) {
                products.forEach(p -> engine.declineProduct(need, p, true));
            }
        });
        needs.forEach(engine::upsertNeed);
    }

    private static List<FinancingNeed> needsOf(RandomWorld world, Predicate<String> enterprises) {
        return world.needs.values().stream().filter(n -> enterprises.test(n.enterpriseId())).toList();
    }

    private static Map<String, Set<String>> declinedOf(RandomWorld world) {
        Map<String, Set<String>> declined = new HashMap<>();
        for (String pair : world.declined) {
            declined.computeIfAbsent(pair.split("/")[0], k -> new TreeSet<>()).add(pair.split("/")[1]);
        }
        return declined;
    }
}
