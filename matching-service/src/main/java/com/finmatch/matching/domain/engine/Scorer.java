package com.finmatch.matching.domain.engine;

import java.util.Arrays;

/**
 * Scores: over the candidates {@link Candidates} gives, the exact hard checks as column filters and the score of the
 * eligible pairs ({@link ScoreWeights} holds the points; {@link MatchingEngine} explains them), and the full re-match's
 * pruning by the bound. Hot loops keep their arrays in locals.
 */
final class Scorer {

    static final int CHUNK = 2048;

    private final EngineState state;
    private final Columns c;
    private final Candidates generator;

    Scorer(EngineState state, Candidates candidates) {
        this.state = state;
        this.c = state.c;
        this.generator = candidates;
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
        if (!generator.needsFor(p, from, n, s)) {
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
