package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;

import java.util.ArrayList;
import java.util.List;

/**
 * A product compiled for matching: its hard rules split into those the index answers (district, cluster and size
 * class as allowed codes, required tags as a mask) and those the pipeline checks per candidate, its soft rules with
 * weights, and the need-independent parts of its score.
 */
final class ProductState {

    final int slot;
    final long idHigh;
    final long idLow;
    LoanProduct spec;
    boolean active;

    CompiledRule[] hard = new CompiledRule[0];
    CompiledRule[] pipelineHard = new CompiledRule[0];
    CompiledRule[] soft = new CompiledRule[0];
    int[] softWeights = new int[0];
    int softTotal;
    CompiledRule[] softProgramme = new CompiledRule[0];
    boolean hardProgramme;

    /** per dimension of {@link BitIndex#DIMENSIONS}: the hard rules on it (empty = unconstrained) */
    CompiledRule[][] dimensionRules = new CompiledRule[BitIndex.DIMENSIONS.length][0];
    /** per dimension: allowed and denied keys (key = code + 1, key 0 = value missing) */
    int[][] allowedKeys = new int[BitIndex.DIMENSIONS.length][0];
    int[][] deniedKeys = new int[BitIndex.DIMENSIONS.length][0];

    long requiredTags;
    /** {ranged field, threshold} pairs: candidates must be at or above / below the threshold */
    int[][] atLeast = new int[0][];
    int[][] below = new int[0][];
    long guaranteeMask;
    double minAmount;
    double maxAmount;
    double minTerm;
    double maxTerm;
    int bandLow;
    int bandHigh;

    /** hundredths of a percent: minAnnualRate, active interest subsidy, and their difference floored at 0 */
    int minRate;
    int subsidy;
    int effectiveRate;
    int policyPoints;
    List<PolicyTool> support = new ArrayList<>();

    ProductState(int slot, long idHigh, long idLow) {
        this.slot = slot;
        this.idHigh = idHigh;
        this.idLow = idLow;
    }

    boolean constrains(int dimension) {
        return dimensionRules[dimension].length > 0;
    }
}
