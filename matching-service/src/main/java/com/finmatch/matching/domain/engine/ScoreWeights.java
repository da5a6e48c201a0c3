package com.finmatch.matching.domain.engine;

/**
 * The score's weights, in hundredths of a point (the score is 0–100, kept as an int so that sums are exact), and the
 * three sums that read them: the score of an eligible pair ({@link Scorer}), the pruning bound of the full re-match
 * (never below the score: a product is skipped for a need only when the bound says it cannot enter the need's full top
 * list, so a bound below the score would lose matches silently; {@code ScoreBoundPropertiesTest}) and the potential that
 * orders products in the full re-match (a guess, ordering only). The weights are constants, so the hot loops see
 * literals.
 */
final class ScoreWeights {

    /** appetite: the weights of the soft rules that pass, as a share of all soft weights */
    static final int APPETITE = 5000;
    /** appetite of a product without soft rules (neutral: half) */
    static final int APPETITE_WITHOUT_SOFT_RULES = 2500;
    /** term: the need's term inside the product's term range */
    static final int TERM = 1000;
    /** term when the need states none */
    static final int TERM_NOT_STATED = 500;
    /** rate, at most: at an estimated rate of 0 under a cap */
    static final int RATE = 2000;
    /** rate at exactly the need's cap, and when the need states no cap; RATE − RATE_AT_CAP spreads linearly over the cap */
    static final int RATE_AT_CAP = 1000;
    /** guarantee: the share of the need's guarantee types the product accepts */
    static final int GUARANTEE = 800;
    /** policy support: a usable interest subsidy */
    static final int INTEREST_SUBSIDY = 300;
    /** policy support: a usable risk-compensation pool */
    static final int RISK_POOL = 200;
    /** policy support: a usable government guarantee */
    static final int GOVERNMENT_GUARANTEE = 200;
    /** programme: the product targets the enterprise's cluster or tags (a hard rule, or a passing soft rule) */
    static final int PROGRAMME = 500;
    /** the highest score: every weight at its maximum */
    static final int MAX = APPETITE + TERM + RATE + GUARANTEE + INTEREST_SUBSIDY + RISK_POOL + GOVERNMENT_GUARANTEE
            + PROGRAMME;
    /** the potential's guess of a product's appetite when it has soft rules (three quarters of them passing) */
    static final int POTENTIAL_APPETITE = APPETITE * 3 / 4;
    /** the potential's guess of the rate points lost per hundredth of the estimated rate */
    static final int POTENTIAL_RATE_COST = 2;

    private static final int RATE_SPREAD = RATE - RATE_AT_CAP;
    /** [types × 65 + accepted]: accepted × GUARANTEE / types, looked up rather than divided in the hot loops */
    private static final int[] GUARANTEE_POINTS = new int[65 * 65];

    static {
        for (int types = 1; types <= 64; types++) {
            for (int accepted = 0; accepted <= types; accepted++) {
                GUARANTEE_POINTS[types * 65 + accepted] = accepted * GUARANTEE / types;
            }
        }
    }

    private ScoreWeights() {
    }

    // ------------------------------------------------------------------------------------------------ the score

    /** The points a product gets whatever the need: its policy support and a hard programme rule. */
    static int fixedPoints(ProductState p) {
        return p.policyPoints + (p.hardProgramme ? PROGRAMME : 0);
    }

    /** Policy support points of the tools that count today. */
    static int policyPoints(boolean subsidised, boolean pooled, boolean guaranteed) {
        return (subsidised ? INTEREST_SUBSIDY : 0) + (pooled ? RISK_POOL : 0) + (guaranteed ? GOVERNMENT_GUARANTEE : 0);
    }

    /** Appetite points: the passing soft weight as a share of the product's total soft weight. */
    static int appetitePoints(int passingWeight, int softTotal) {
        return softTotal == 0 ? APPETITE_WITHOUT_SOFT_RULES : (int) ((long) passingWeight * APPETITE / softTotal);
    }

    /** Term points: inside the range, outside it (never scored: that pair is not eligible), or no term stated (NaN). */
    static int termPoints(double term, double minTerm, double maxTerm) {
        return Double.isNaN(term) ? TERM_NOT_STATED : term >= minTerm && term <= maxTerm ? TERM : 0;
    }

    /** Guarantee points: GUARANTEE × the share of the need's guarantee types the product accepts. */
    static int guaranteePoints(long needTypes, long accepted) {
        return GUARANTEE_POINTS[Long.bitCount(needTypes) * 65 + Long.bitCount(accepted)];
    }

    /**
     * Rate points: RATE_AT_CAP–RATE at or below the cap (RATE at an estimated rate of 0), RATE_AT_CAP when there is no
     * cap ({@code cap < 0}); 0 above it (never scored: a rate above the need's maximum makes the pair ineligible).
     */
    static int ratePoints(int effectiveRate, int cap) {
        if (cap < 0) {
            return RATE_AT_CAP;
        }
        if (effectiveRate > cap) {
            return 0;
        }
        if (cap == 0) {
            return RATE;
        }
        // a double division is exact here (both operands are small integers) and much cheaper than a long one
        return RATE_AT_CAP + (int) ((double) ((long) RATE_SPREAD * (cap - effectiveRate)) / cap);
    }

    // ------------------------------------------------------------------------------------------------ the bound

    /** A need's rate slope for the bound: the rate points lost per hundredth of rate (0 without a cap). */
    static float rateSlope(int cap) {
        return cap > 0 ? (float) RATE_SPREAD / cap : 0;
    }

    /** The need-independent part of the bound: every soft rule passing, a soft programme rule passing. */
    static int optimistic(ProductState p) {
        return fixedPoints(p) + (p.softTotal == 0 ? APPETITE_WITHOUT_SOFT_RULES : APPETITE)
                + (!p.hardProgramme && p.softProgramme.length > 0 ? PROGRAMME : 0);
    }

    /**
     * An upper bound of the score of a product for a need, never below it: the optimistic part, the term's full points
     * when it is in range or not stated, the rate points rounded up (full when the need states no cap) and the exact
     * guarantee points. Computed without branches, as it runs for every candidate of a full re-match: a mispredicted
     * branch per candidate costs more than the sums.
     */
    static int bound(int optimistic, int rate, int cap, float slope, double term, double minTerm, double maxTerm,
            long needGuarantees, long accepted) {
        return optimistic + (rate > cap & cap >= 0 ? 0 : RATE - (int) (rate * slope))
                + ((term >= minTerm & term <= maxTerm) | term != term ? TERM : 0)
                + guaranteePoints(needGuarantees, accepted);
    }

    // ------------------------------------------------------------------------------------------------ the potential

    /** A need-independent guess of how well a product scores (ordering only; it may be below a real score). */
    static int potential(ProductState p) {
        return fixedPoints(p) + (p.softTotal == 0 ? APPETITE_WITHOUT_SOFT_RULES : POTENTIAL_APPETITE)
                - POTENTIAL_RATE_COST * p.effectiveRate;
    }
}
