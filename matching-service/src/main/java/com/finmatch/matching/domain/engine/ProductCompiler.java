package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a product for matching ({@link ProductState}): whether it is active today, its hard rules split into those
 * the index answers (dimension keys, required tags, threshold rows) and the pipeline's, its soft rules and weights,
 * and the need-independent parts of its score (amount and term range, rates, the policy tools that count today).
 */
final class ProductCompiler {

    private final EngineState state;
    private final Map<String, PolicyTool> tools = new HashMap<>();

    ProductCompiler(EngineState state) {
        this.state = state;
    }

    void putTool(PolicyTool tool) {
        tools.put(tool.policyToolId(), tool);
    }

    void compile(ProductState p) {
        LoanProduct s = p.spec;
        LocalDate today = state.today;
        p.active = "PUBLISHED".equals(s.status()) && (s.validFrom() == null || !s.validFrom().isAfter(today))
                && (s.validTo() == null || !s.validTo().isBefore(today));
        compileRules(p, s.rules() == null ? List.<Rule>of() : s.rules());
        p.guaranteeMask = state.c.mask(Field.GUARANTEE_TYPES, s.guaranteeTypes());
        p.minAmount = s.minAmount() == null ? Double.NEGATIVE_INFINITY : s.minAmount().doubleValue();
        p.maxAmount = s.maxAmount() == null ? Double.POSITIVE_INFINITY : s.maxAmount().doubleValue();
        p.minTerm = s.minTermMonths() == null ? Double.NEGATIVE_INFINITY : s.minTermMonths();
        p.maxTerm = s.maxTermMonths() == null ? Double.POSITIVE_INFINITY : s.maxTermMonths();
        p.bandLow = s.minAmount() == null ? 0 : Math.max(0, BitIndex.band(p.minAmount));
        p.bandHigh = s.maxAmount() == null ? BitIndex.BANDS - 1 : Math.max(0, BitIndex.band(p.maxAmount));
        p.minRate = s.minAnnualRate() == null ? 0 : Formats.hundredths(s.minAnnualRate());
        compilePolicy(p, s.policyToolIds() == null ? List.<String>of() : s.policyToolIds());
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            state.index.splitKeys(p, d);
        }
    }

    private void compileRules(ProductState p, List<Rule> rules) {
        List<CompiledRule> hard = new ArrayList<>();
        List<CompiledRule> pipeline = new ArrayList<>();
        List<CompiledRule> soft = new ArrayList<>();
        List<CompiledRule> softProgramme = new ArrayList<>();
        List<List<CompiledRule>> dims = new ArrayList<>();
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            dims.add(new ArrayList<>());
        }
        long required = 0;
        boolean hardProgramme = false;
        int softTotal = 0;
        List<Integer> weights = new ArrayList<>();
        for (Rule rule : rules) {
            CompiledRule r = state.compiler.compile(rule);
            boolean programme = r.field == Field.CLUSTER_CODE || r.field == Field.TAGS;
            if (rule.hard()) {
                hard.add(r);
                hardProgramme |= programme && r.valid();
                int d = BitIndex.dimensionOf(r.field);
                if (d >= 0 && r.valid()) {
                    dims.get(d).add(r);
                } else if (r instanceof CompiledRule.SetMatch m && m.field == Field.TAGS
                        && m.mode() == CompiledRule.SetMatch.Mode.ALL) {
                    required |= m.mask();
                } else {
                    pipeline.add(r);
                }
            } else {
                int w = Math.max(0, Math.min(100, rule.weight()));
                soft.add(r);
                weights.add(w);
                softTotal += w;
                if (programme) {
                    softProgramme.add(r);
                }
            }
        }
        p.hard = hard.toArray(CompiledRule[]::new);
        p.pipelineHard = pipeline.toArray(CompiledRule[]::new);
        p.soft = soft.toArray(CompiledRule[]::new);
        p.softWeights = weights.stream().mapToInt(Integer::intValue).toArray();
        p.softTotal = softTotal;
        p.softProgramme = softProgramme.toArray(CompiledRule[]::new);
        p.hardProgramme = hardProgramme;
        for (int d = 0; d < BitIndex.DIMENSIONS.length; d++) {
            p.dimensionRules[d] = dims.get(d).toArray(CompiledRule[]::new);
        }
        p.requiredTags = required;
        thresholds(p, pipeline);
    }

    /** The threshold rows of the ordered fields that bound the pipeline's interval rules (a superset of them). */
    private static void thresholds(ProductState p, List<CompiledRule> pipeline) {
        List<int[]> atLeast = new ArrayList<>();
        List<int[]> below = new ArrayList<>();
        for (CompiledRule r : pipeline) {
            int f = BitIndex.rangedOf(r.field);
            if (f >= 0 && r instanceof CompiledRule.NumberInterval interval && !interval.outside()) {
                double[] thresholds = BitIndex.THRESHOLDS[f];
                int low = -1;
                for (int j = 0; j < thresholds.length && thresholds[j] <= interval.low(); j++) {
                    low = j;
                }
                if (low >= 0) {
                    atLeast.add(new int[] {f, low});
                }
                for (int j = 0; j < thresholds.length; j++) {
                    if (thresholds[j] > interval.high()) {
                        below.add(new int[] {f, j});
                        break;
                    }
                }
            }
        }
        p.atLeast = atLeast.toArray(int[][]::new);
        p.below = below.toArray(int[][]::new);
    }

    /** The policy tools that count today: the subsidy off the rate, the policy points, the support shown. */
    private void compilePolicy(ProductState p, List<String> toolIds) {
        int subsidy = 0;
        boolean subsidised = false;
        boolean pooled = false;
        boolean guaranteed = false;
        List<PolicyTool> support = new ArrayList<>();
        for (String toolId : toolIds) {
            PolicyTool tool = tools.get(toolId);
            if (tool == null || !tool.usableOn(state.today)) {
                continue;
            }
            support.add(tool);
            switch (tool.kind() == null ? "" : tool.kind()) {
                case "INTEREST_SUBSIDY" -> {
                    subsidised = true;
                    subsidy += tool.subsidyRate() == null ? 0 : Formats.hundredths(tool.subsidyRate());
                }
                case "RISK_POOL" -> pooled = true;
                case "GOVERNMENT_GUARANTEE" -> guaranteed = true;
                default -> {
                }
            }
        }
        p.subsidy = subsidy;
        p.effectiveRate = Math.max(0, p.minRate - subsidy);
        p.policyPoints = ScoreWeights.policyPoints(subsidised, pooled, guaranteed);
        p.support = support;
    }
}
