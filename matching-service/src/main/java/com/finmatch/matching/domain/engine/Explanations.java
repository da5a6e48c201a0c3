package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.Recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explanations the engine gives: those of its own needs, kept for reading again until the state changes, and those
 * of needs another replica holds, matched, explained and dropped again in one call. The facade holds the lock.
 */
final class Explanations {

    /** Explanations kept for reading again until the next change (a few KB each). */
    static final int EXPLAINED_LIMIT = 20_000;

    private final EngineState state;
    private final IncrementalMatch matcher;
    private final Explainer explainer;
    private final TrainingOffers offers;
    /**
     * Explanations already given, by need id, for the state as it is: every change of state empties it (see
     * {@link #forget}), so an explanation read from it is the one {@link Explainer} would give now. At most
     * {@link #EXPLAINED_LIMIT} needs, the least recently read dropped first.
     */
    private final Map<String, Recommendation> explained = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recommendation> eldest) {
            return size() > EXPLAINED_LIMIT;
        }
    };

    Explanations(EngineState state, IncrementalMatch matcher, Explainer explainer, TrainingOffers offers) {
        this.state = state;
        this.matcher = matcher;
        this.explainer = explainer;
        this.offers = offers;
    }

    /** Every method that changes the state calls this first: explanations given so far may no longer hold. */
    void forget() {
        explained.clear();
    }

    /** An open need's explanation (kept or given now), or null for a need the engine does not hold. */
    Recommendation recommend(String needId) {
        Recommendation known = explained.get(needId);
        if (known != null) {
            return known;
        }
        Integer slot = state.needs.slotOf(needId);
        if (slot == null) {
            return null;
        }
        Recommendation r = explainer.recommend(needId, slot);
        explained.put(needId, r);
        return r;
    }

    /** See {@link MatchingEngine#explainTransient}. */
    MatchingEngine.Explained explainTransient(EnterpriseProfile enterprise, List<FinancingNeed> needs,
            Map<String, Set<String>> declined) {
        Integer known = state.needs.enterpriseSlotOf(enterprise.enterpriseId());
        if (known == null || state.needs.firstNeedOf[known] < 0) {
            state.needs.upsertEnterprise(enterprise); // no need of this engine reads it: no list changes
        }
        List<FinancingNeed> added = needs.stream().filter(n -> state.needs.slotOf(n.needId()) == null)
                .sorted(Comparator.comparing(FinancingNeed::needId)).toList();
        List<Recommendation> recommendations = new ArrayList<>();
        List<String[]> marked = new ArrayList<>(); // only what this call marked is unmarked after it
        try {
            for (FinancingNeed n : added) {
                for (String product : declined.getOrDefault(n.needId(), Set.of())) {
                    if (state.declined.mark(n.needId(), product, true)) {
                        marked.add(new String[] {n.needId(), product});
                    }
                }
                matcher.rematchNeed(state.needs.upsertNeed(n));
            }
            for (FinancingNeed n : added) {
                recommendations.add(explainer.recommend(n.needId(), state.needs.slotOf(n.needId())));
            }
            Integer slot = state.needs.enterpriseSlotOf(enterprise.enterpriseId());
            return new MatchingEngine.Explained(recommendations, offers.matches(state.needs.probeRow(slot)));
        } finally {
            for (FinancingNeed n : added) {
                state.needs.closeNeed(n.needId());
            }
            // a pair already marked was marked by a load of this need under way (Shards): it stays
            marked.forEach(pair -> state.declined.mark(pair[0], pair[1], false));
        }
    }
}
