package com.finmatch.matching.domain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps top lists current after one change: a changed need is re-matched against its candidate products; a new or
 * changed product is scored over its candidate needs, and the needs that held it and now score it lower are
 * re-matched. Nothing is matched while {@link #deferred} (a bulk load, until the next full re-match).
 */
final class IncrementalMatch {

    private final EngineState state;
    private final Candidates generator;
    private final Scorer scorer;
    private final Scratch scratch = new Scratch();
    boolean deferred;

    IncrementalMatch(EngineState state, Candidates candidates, Scorer scorer) {
        this.state = state;
        this.generator = candidates;
        this.scorer = scorer;
    }

    /** Re-matches one need against its candidate products. @return true when its top list changed */
    boolean rematchNeed(int need) {
        if (deferred) {
            return false;
        }
        TopLists tops = state.tops;
        BitIndex index = state.index;
        int topSize = tops.topSize;
        int oldCount = tops.topCount[need];
        int base = need * topSize;
        int[] oldProducts = Arrays.copyOfRange(tops.topProduct, base, base + oldCount);
        int[] oldScores = Arrays.copyOfRange(tops.topScore, base, base + oldCount);
        tops.topCount[need] = 0;
        if (Bits.get(index.openNeeds, need)) {
            long[] candidates = generator.productsFor(need, scratch);
            for (int w = 0; w < index.productWords; w++) {
                for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                    ProductState p = state.products.states[(w << 6) + Long.numberOfTrailingZeros(bits)];
                    int score = scorer.evaluate(p, need, scratch);
                    if (score >= 0) {
                        tops.offer(need, p.slot, score);
                    }
                }
            }
        }
        if (tops.topCount[need] != oldCount) {
            return true;
        }
        for (int k = 0; k < oldCount; k++) {
            if (tops.topProduct[base + k] != oldProducts[k] || tops.topScore[base + k] != oldScores[k]) {
                return true;
            }
        }
        return false;
    }

    /** Indexes a (re)compiled product and updates the top lists it enters or leaves. @return needs that changed */
    List<String> reindexAndRematch(ProductState p) {
        BitIndex index = state.index;
        TopLists tops = state.tops;
        String[] needIds = state.needs.needIds;
        index.indexProduct(p);
        if (deferred) {
            return List.of();
        }
        int slot = p.slot;
        int topSize = tops.topSize;
        // needs that hold this product now, with the score they hold it at
        int[] holders = new int[16];
        int[] heldScores = new int[16];
        int held = 0;
        for (int w = 0; w < index.needWords; w++) {
            for (long bits = index.openNeeds[w]; bits != 0; bits &= bits - 1) {
                int need = (w << 6) + Long.numberOfTrailingZeros(bits);
                int base = need * topSize;
                for (int k = 0; k < tops.topCount[need]; k++) {
                    if (tops.topProduct[base + k] == slot) {
                        if (held == holders.length) {
                            holders = Arrays.copyOf(holders, held * 2);
                            heldScores = Arrays.copyOf(heldScores, held * 2);
                        }
                        holders[held] = need;
                        heldScores[held++] = tops.topScore[base + k];
                        break;
                    }
                }
            }
        }
        // the product's new scores over its candidate needs, in need order
        Collector scores = new Collector();
        if (p.active) {
            Scratch s = scratch;
            s.ensure(index.needWords);
            scorer.scoreProduct(p, 0, index.needWords, s, scores, false);
        }
        List<String> changed = new ArrayList<>();
        int h = 0;
        for (int i = 0; i < scores.size; i++) {
            int need = scores.needs[i];
            while (h < held && holders[h] < need) {
                if (dropOrRematch(holders[h], slot, heldScores[h], -1)) {
                    changed.add(needIds[holders[h]]);
                }
                h++;
            }
            if (h < held && holders[h] == need) {
                if (dropOrRematch(need, slot, heldScores[h], scores.scores[i])) {
                    changed.add(needIds[need]);
                }
                h++;
            } else if (tops.offer(need, slot, scores.scores[i])) {
                changed.add(needIds[need]);
            }
        }
        for (; h < held; h++) {
            if (dropOrRematch(holders[h], slot, heldScores[h], -1)) {
                changed.add(needIds[holders[h]]);
            }
        }
        return changed;
    }

    /** A need held the product at {@code oldScore}; it now scores {@code newScore} (-1: not eligible). */
    private boolean dropOrRematch(int need, int product, int oldScore, int newScore) {
        if (newScore == oldScore) {
            return false;
        }
        if (newScore > oldScore) {
            state.tops.removeFromTop(need, product);
            state.tops.offer(need, product, newScore);
            return true;
        }
        return rematchNeed(need);
    }

    /** The score (hundredths) an active product gets for an open need, or -1 when it is not eligible. */
    int scoreOf(ProductState p, int need) {
        long[] candidates = generator.productsFor(need, scratch);
        if (!Bits.get(candidates, p.slot)) {
            return -1;
        }
        return scorer.evaluate(p, need, scratch);
    }
}
