package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * Candidates and scores: the products the index lets through for a need (need-major), the needs it lets through for
 * a product (product-major), then the exact hard checks as column filters over the candidates and the score of the
 * eligible pairs ({@link MatchingEngine} explains the points). Hot loops keep their arrays in locals.
 */
final class Scorer {

    static final int CHUNK = 2048;

    private final EngineState state;
    private final Columns c;

    Scorer(EngineState state) {
        this.state = state;
        this.c = state.c;
    }

    /** The products whose index lets this need through (need-major candidate generation). */
    long[] candidateProducts(int need, Scratch s) {
        BitIndex x = state.index;
        int n = x.productWords;
        s.ensureProducts(n);
        long[] w = s.productWords;
        long[] tmp = s.productTmp;
        Bits.copy(x.activeProducts, 0, w, n);
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            Bits.and(w, x.productsByDimension[d][x.dimensionKey(d, need)], 0, n);
        }
        long missingTags = x.requiredTagsOfAnyProduct & ~c.sets(Field.TAGS)[need];
        for (long m = missingTags; m != 0; m &= m - 1) {
            Bits.andNot(w, x.productsRequiringTag[Long.numberOfTrailingZeros(m)], n);
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = c.sets(Field.GUARANTEE_TYPES)[need]; m != 0; m &= m - 1) {
            long[] row = x.productsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, 0, n);
            }
        }
        Bits.and(w, tmp, n);
        int band = BitIndex.band(c.numbers(Field.AMOUNT)[need]);
        if (band < 0 || x.productsByBand[band] == null) {
            Arrays.fill(w, 0, n, 0);
        } else {
            Bits.and(w, x.productsByBand[band], 0, n);
        }
        for (String productId : state.declined.productsOf(state.needs.needIds[need])) {
            Integer product = state.products.slotOf(productId);
            if (product != null) {
                Bits.set(w, product, false);
            }
        }
        return w;
    }

    /** One (need, product) pair through the same pipeline as a batch: the score, or -1 when not eligible. */
    int evaluate(ProductState p, int need, Scratch s) {
        s.candidates[0] = need;
        return pipeline(p, s.candidates, 1, s) == 1 ? s.scores[0] : -1;
    }

    /** The pruning bound of a product for a need, from the same columns and the same sum as {@link #scoreProduct}. */
    int bound(ProductState p, int need) {
        long g = c.needSet[Field.GUARANTEE_TYPES.column()][need];
        return ScoreWeights.bound(ScoreWeights.optimistic(p), p.effectiveRate, state.needs.rateCap[need],
                state.needs.rateSlope[need], c.needNum[Field.TERM_MONTHS.column()][need], p.minTerm, p.maxTerm, g,
                g & p.guaranteeMask);
    }

    /**
     * Product-major scoring of need words [from, to): candidate needs from the need index, then the exact amount
     * range and the remaining hard rules as column filters, then the score; every eligible need goes to the sink.
     * With {@code prune}, a candidate need whose top list is full is skipped when even the product's best possible
     * score for it (every soft rule passing; term, rate and guarantee points exact or rounded up) is below the list's
     * worst — exact, as the bound is never below the real score; this is what lets a full re-match score few of the
     * eligible pairs.
     */
    void scoreProduct(ProductState p, int from, int to, Scratch s, Sink sink, boolean prune) {
        int n = to - from;
        if (!candidateNeeds(p, from, n, s)) {
            return;
        }
        long[] w = s.needWords;
        int[] candidates = s.candidates;
        int count = 0;
        int optimistic = ScoreWeights.optimistic(p);
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        long[] guarantees = c.needSet[Field.GUARANTEE_TYPES.column()];
        int rate = p.effectiveRate;
        double minTerm = p.minTerm;
        double maxTerm = p.maxTerm;
        long mask = p.guaranteeMask;
        float[] slopes = state.needs.rateSlope;
        int[] caps = state.needs.rateCap;
        byte[] topCount = state.tops.topCount;
        int[] topScore = state.tops.topScore;
        int k = state.tops.topSize;
        for (int i = 0; i < n; i++) {
            for (long bits = w[i]; bits != 0; bits &= bits - 1) {
                int need = ((from + i) << 6) + Long.numberOfTrailingZeros(bits);
                candidates[count] = need;
                if (prune) {
                    int worst = topCount[need] == k ? topScore[need * k + k - 1] : Integer.MIN_VALUE;
                    long g = guarantees[need];
                    int bound = ScoreWeights.bound(optimistic, rate, caps[need], slopes[need], terms[need], minTerm,
                            maxTerm, g, g & mask);
                    count += bound >= worst ? 1 : 0;
                } else {
                    count++;
                }
                if (count == CHUNK) {
                    int eligible = pipeline(p, candidates, count, s);
                    sink.accept(p, candidates, s.scores, eligible);
                    count = 0;
                }
            }
        }
        if (count > 0) {
            int eligible = pipeline(p, candidates, count, s);
            sink.accept(p, candidates, s.scores, eligible);
        }
    }

    /**
     * The needs of words [from, from + n) that the need index lets through for a product, into s.needWords.
     * @return false when none can be
     */
    private boolean candidateNeeds(ProductState p, int from, int n, Scratch s) {
        BitIndex x = state.index;
        long[] w = s.needWords;
        long[] tmp = s.needTmp;
        Bits.copy(x.openNeeds, from, w, n);
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            if (!p.constrains(d)) {
                continue;
            }
            int[] allowed = p.allowedKeys[d];
            int[] denied = p.deniedKeys[d];
            Arrays.fill(tmp, 0, n, 0);
            if (allowed.length <= denied.length) {
                for (int key : allowed) {
                    Bits.or(tmp, x.needsByDimension[d][key], from, n);
                }
                Bits.and(w, tmp, n);
            } else {
                for (int key : denied) {
                    Bits.or(tmp, x.needsByDimension[d][key], from, n);
                }
                Bits.andNot(w, tmp, n);
            }
        }
        for (long m = p.requiredTags; m != 0; m &= m - 1) {
            long[] row = x.needsByTag[Long.numberOfTrailingZeros(m)];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        // ordered fields: a superset of the needs the rule lets through (the rule itself runs in the pipeline)
        for (int[] r : p.atLeast) {
            long[] row = x.needsAtLeast[r[0]][r[1]];
            if (row == null) {
                return false;
            }
            Bits.and(w, row, from, n);
        }
        for (int[] r : p.below) {
            long[] row = x.needsAtLeast[r[0]][r[1]];
            if (row != null) {
                Bits.andNot(w, row, from, n);
            }
        }
        Arrays.fill(tmp, 0, n, 0);
        for (long m = p.guaranteeMask; m != 0; m &= m - 1) {
            long[] row = x.needsByGuarantee[Long.numberOfTrailingZeros(m)];
            if (row != null) {
                Bits.or(tmp, row, from, n);
            }
        }
        Bits.and(w, tmp, n);
        Arrays.fill(tmp, 0, n, 0);
        for (int b = p.bandLow; b <= p.bandHigh; b++) {
            if (x.needsByBand[b] != null) {
                Bits.or(tmp, x.needsByBand[b], from, n);
            }
        }
        Bits.and(w, tmp, n);
        int first = from << 6;
        int end = (from + n) << 6;
        for (String needId : state.declined.needsOf(p.spec.productId())) {
            Integer need = state.needs.slotOf(needId);
            if (need != null && need >= first && need < end) {
                Bits.set(w, need - first, false);
            }
        }
        return true;
    }

    /**
     * Filters candidates[0..n) to the eligible ones and scores them into s.scores; returns how many. Besides the hard
     * rules, what the enterprise asked for is a hard check: the amount inside the product's range, the need's term
     * (when it states one) inside the product's term range, the estimated rate at or below the need's maximum (when it
     * states one).
     */
    private int pipeline(ProductState p, int[] candidates, int n, Scratch s) {
        double[] amounts = c.needNum[Field.AMOUNT.column()];
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        int[] caps = state.needs.rateCap;
        double low = p.minAmount;
        double high = p.maxAmount;
        double minTerm = p.minTerm;
        double maxTerm = p.maxTerm;
        int rate = p.effectiveRate;
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            double a = amounts[need];
            double term = terms[need];
            int cap = caps[need];
            if (a >= low && a <= high && (term != term || (term >= minTerm && term <= maxTerm))
                    && (cap < 0 || rate <= cap)) {
                candidates[kept++] = need;
            }
        }
        n = kept;
        for (CompiledRule r : p.pipelineHard) {
            if (n == 0) {
                return 0;
            }
            n = r.filter(c, candidates, n);
        }
        if (n > 0) {
            score(p, candidates, n, s);
        }
        return n;
    }

    private void score(ProductState p, int[] candidates, int n, Scratch s) {
        int[] soft = s.soft;
        Arrays.fill(soft, 0, n, 0);
        for (int i = 0; i < p.soft.length; i++) {
            p.soft[i].addWhenPassing(c, candidates, n, soft, p.softWeights[i]);
        }
        int[] programme = s.programme;
        boolean softProgramme = !p.hardProgramme && p.softProgramme.length > 0;
        if (softProgramme) {
            Arrays.fill(programme, 0, n, 0);
            for (CompiledRule r : p.softProgramme) {
                r.addWhenPassing(c, candidates, n, programme, 1);
            }
        }
        double[] terms = c.needNum[Field.TERM_MONTHS.column()];
        long[] guarantees = c.needSet[Field.GUARANTEE_TYPES.column()];
        int[] caps = state.needs.rateCap;
        int[] out = s.scores;
        int fixed = ScoreWeights.fixedPoints(p);
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            int score = fixed + ScoreWeights.appetitePoints(soft[k], p.softTotal);
            score += ScoreWeights.termPoints(terms[need], p.minTerm, p.maxTerm);
            score += ScoreWeights.ratePoints(p.effectiveRate, caps[need]);
            long g = guarantees[need];
            score += ScoreWeights.guaranteePoints(g, g & p.guaranteeMask);
            if (softProgramme && programme[k] > 0) {
                score += ScoreWeights.PROGRAMME;
            }
            out[k] = score;
        }
    }
}
