package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Recommendation;
import com.finmatch.matching.domain.Rule;
import com.finmatch.matching.domain.TrainingOffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The IPO-training offers with their entry rules compiled, matched on read against one need row. */
final class TrainingOffers {

    private final EngineState state;
    private final Map<String, CompiledOffer> offers = new TreeMap<>();

    TrainingOffers(EngineState state) {
        this.state = state;
    }

    void upsert(TrainingOffer offer) {
        List<CompiledRule> hard = new ArrayList<>();
        List<CompiledRule> soft = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Rule rule : offer.rules() == null ? List.<Rule>of() : offer.rules()) {
            CompiledRule r = state.compiler.compile(rule);
            if (rule.hard()) {
                hard.add(r);
            } else {
                soft.add(r);
                weights.add(Math.max(0, Math.min(100, rule.weight())));
            }
        }
        offers.put(offer.offerId(), new CompiledOffer(offer, hard, soft, weights));
    }

    void close(String offerId) {
        CompiledOffer o = offers.get(offerId);
        if (o != null) {
            TrainingOffer t = o.offer;
            offers.put(offerId, new CompiledOffer(new TrainingOffer(t.offerId(), t.organiser(), t.title(), t.format(),
                    t.startsOn(), t.endsOn(), t.seats(), t.seatsLeft(), t.rules(), "CLOSED"), o.hard, o.soft, o.weights));
        }
    }

    private record CompiledOffer(TrainingOffer offer, List<CompiledRule> hard, List<CompiledRule> soft,
            List<Integer> weights) {
    }

    /** Open for enrolment today: OPEN, a seat left (unknown seats count as left) and not ended before today. */
    private boolean enrollable(TrainingOffer o) {
        return "OPEN".equals(o.status()) && (o.seatsLeft() == null || o.seatsLeft() > 0)
                && (o.endsOn() == null || !o.endsOn().isBefore(state.today));
    }

    /** The enrollable offers whose hard rules all pass for a need row, best first (at most MAX_OFFERS). */
    List<Recommendation.OfferMatch> matches(int need) {
        Columns c = state.c;
        List<Recommendation.OfferMatch> matches = new ArrayList<>();
        for (CompiledOffer o : offers.values()) {
            if (!enrollable(o.offer)) {
                continue;
            }
            boolean eligible = true;
            List<Message> reasons = new ArrayList<>();
            for (CompiledRule r : o.hard) {
                if (!r.test(c, need)) {
                    eligible = false;
                    break;
                }
                reasons.add(r.rule.messageOrDefault());
            }
            if (!eligible) {
                continue;
            }
            int total = 0;
            int passed = 0;
            for (int i = 0; i < o.soft.size(); i++) {
                total += o.weights.get(i);
                if (o.soft.get(i).test(c, need)) {
                    passed += o.weights.get(i);
                    reasons.add(o.soft.get(i).rule.messageOrDefault());
                }
            }
            int score = total == 0 ? 10000 : (int) (10000L * passed / total);
            matches.add(new Recommendation.OfferMatch(o.offer.offerId(), o.offer.title(), Formats.points(score), reasons));
        }
        matches.sort((a, b) -> a.score().compareTo(b.score()) != 0 ? b.score().compareTo(a.score())
                : a.offerId().compareTo(b.offerId()));
        int max = MatchingEngine.MAX_OFFERS;
        return matches.size() > max ? List.copyOf(matches.subList(0, max)) : matches;
    }
}
