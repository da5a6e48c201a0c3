package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * Candidates and scores: the products the index lets through for a need (need-major), the needs it lets through for
 * a product (product-major), then the exact hard checks as column filters over the candidates and the score of the
 * eligible pairs ({@link MatchingEngine} explains the points). Hot loops keep their arrays in locals.
 */
final class Scorer {

    static final int CHUNK = 2048;
    /** [types × 65 + accepted]: accepted × 800 / types, looked up rather than divided in the hot loops */
    private static final int[] GUARANTEE_POINTS = new int[65 * 65];

    static {
        for (int types = 1; types <= 64; types++) {
            for (int accepted = 0; accepted <= types; accepted++) {
                GUARANTEE_POINTS[types * 65 + accepted] = accepted * 800 / types;
            }
        }
    }

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
        int optimistic = p.policyPoints + (p.hardProgramme ? 500 : 0) + (p.softTotal == 0 ? 2500 : 5000)
                + (!p.hardProgramme && p.softProgramme.length > 0 ? 500 : 0);
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
                    // an upper bound of the score (every soft rule passing; a missing term or rate cap as the best
                    // case), computed without branches: a mispredicted branch per candidate costs more than the sums
                    int worst = topCount[need] == k ? topScore[need * k + k - 1] : Integer.MIN_VALUE;
                    int cap = caps[need];
                    double term = terms[need];
                    long g = guarantees[need];
                    int bound = optimistic + (rate > cap & cap >= 0 ? 0 : 2000 - (int) (rate * slopes[need]))
                            + ((term >= minTerm & term <= maxTerm) | term != term ? 1000 : 0)
                            + guaranteePoints(g, g & mask);
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
        int fixed = p.policyPoints + (p.hardProgramme ? 500 : 0);
        for (int k = 0; k < n; k++) {
            int need = candidates[k];
            int score = fixed + (p.softTotal == 0 ? 2500 : (int) ((long) soft[k] * 5000 / p.softTotal));
            double term = terms[need];
            score += Double.isNaN(term) ? 500 : term >= p.minTerm && term <= p.maxTerm ? 1000 : 0;
            score += ratePoints(p.effectiveRate, caps[need]);
            long g = guarantees[need];
            score += guaranteePoints(g, g & p.guaranteeMask);
            if (softProgramme && programme[k] > 0) {
                score += 500;
            }
            out[k] = score;
        }
    }

    /** Guarantee points (hundredths): 8 × the share of the need's guarantee types the product accepts. */
    static int guaranteePoints(long needTypes, long accepted) {
        return GUARANTEE_POINTS[Long.bitCount(needTypes) * 65 + Long.bitCount(accepted)];
    }

    /**
     * Rate points (hundredths): 10–20 points at or below the cap, 10 when there is no cap; 0 above it (never scored:
     * a rate above the need's maximum makes the pair ineligible).
     */
    static int ratePoints(int effectiveRate, int cap) {
        if (cap < 0) {
            return 1000;
        }
        if (effectiveRate > cap) {
            return 0;
        }
        if (cap == 0) {
            return 2000;
        }
        // a double division is exact here (both operands are small integers) and much cheaper than a long one
        return 1000 + (int) ((double) (1000L * (cap - effectiveRate)) / cap);
    }
}
