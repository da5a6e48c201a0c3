package com.finmatch.matching.domain.engine;

import static com.finmatch.matching.domain.engine.Formats.percent;
import static com.finmatch.matching.domain.engine.Formats.plain;
import static com.finmatch.matching.domain.engine.Formats.points;
import static com.finmatch.matching.domain.engine.Formats.range;
import static com.finmatch.matching.domain.engine.Formats.rate;

import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.Recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Explains a need's recommendation: the reasons of its top products (their rules, the engine's own checks, policy
 * support), its near misses (active products failing at most two hard checks, with what failed) and training offers.
 */
final class Explainer {

    private final EngineState state;
    private final Columns c;
    private final TrainingOffers offers;

    Explainer(EngineState state, TrainingOffers offers) {
        this.state = state;
        this.c = state.c;
        this.offers = offers;
    }

    Recommendation recommend(String needId, int need) {
        Products products = state.products;
        TopLists tops = state.tops;
        List<Recommendation.RecommendedProduct> top = new ArrayList<>();
        int base = need * tops.topSize;
        boolean[] inTop = new boolean[products.count];
        for (int k = 0; k < tops.topCount[need]; k++) {
            ProductState p = products.states[tops.topProduct[base + k]];
            inTop[p.slot] = true;
            top.add(new Recommendation.RecommendedProduct(p.spec.productId(), p.spec.bankId(), p.spec.name(),
                    points(tops.topScore[base + k]), reasons(p, need), support(p), rate(p.effectiveRate), null));
        }
        List<NearMissCandidate> near = new ArrayList<>();
        for (int i = 0; i < products.count; i++) {
            ProductState p = products.states[i];
            if (!p.active || inTop[i] || state.declined.contains(needId, p.spec.productId())) {
                continue;
            }
            List<Message> failed = failedHardRules(p, need);
            if (!failed.isEmpty() && failed.size() <= MatchingEngine.MAX_FAILED_FOR_NEAR_MISS) {
                near.add(new NearMissCandidate(p, failed));
            }
        }
        // fewest failed checks first; then the products that already fit on more checks; then by product id
        near.sort((a, b) -> a.failed.size() != b.failed.size() ? Integer.compare(a.failed.size(), b.failed.size())
                : a.product.hard.length != b.product.hard.length
                        ? Integer.compare(b.product.hard.length, a.product.hard.length)
                        : tops.better(0, a.product.slot, 0, b.product.slot) ? -1 : 1);
        List<Recommendation.NearMiss> nearMisses = near.stream().limit(MatchingEngine.NEAR_MISS_LIMIT)
                .map(m -> new Recommendation.NearMiss(m.product.spec.productId(), m.product.spec.bankId(),
                        m.product.spec.name(), m.failed))
                .toList();
        Needs needs = state.needs;
        // immutable: MatchingEngine hands the same explanation to every reader until the state changes
        return new Recommendation(needId, needs.enterpriseIds[c.needEnterprise[need]], needs.projectIds[need],
                List.copyOf(top), nearMisses, List.copyOf(offers.matches(need)));
    }

    private record NearMissCandidate(ProductState product, List<Message> failed) {
    }

    /**
     * The hard checks a product fails for a need, as messages: amount range, guarantee types, the need's term and
     * maximum rate, hard rules.
     */
    private List<Message> failedHardRules(ProductState p, int need) {
        List<Message> failed = new ArrayList<>();
        double amount = c.numbers(Field.AMOUNT)[need];
        if (!(amount >= p.minAmount && amount <= p.maxAmount)) {
            failed.add(Message.of("融资金额需在 " + range(p.spec.minAmount(), p.spec.maxAmount()) + " 元之间",
                    "The amount must be between " + range(p.spec.minAmount(), p.spec.maxAmount()) + " yuan"));
        }
        if ((c.sets(Field.GUARANTEE_TYPES)[need] & p.guaranteeMask) == 0) {
            String types = String.join(", ", p.spec.guaranteeTypes() == null ? List.of() : p.spec.guaranteeTypes());
            failed.add(Message.of("需提供以下担保方式之一：" + types, "Needs one of these guarantee types: " + types));
        }
        double term = c.numbers(Field.TERM_MONTHS)[need];
        if (!Double.isNaN(term) && !(term >= p.minTerm && term <= p.maxTerm)) {
            String months = range(p.spec.minTermMonths(), p.spec.maxTermMonths());
            failed.add(Message.of("期限 " + (long) term + " 个月不在产品期限范围内（" + months + " 个月）",
                    "A term of " + (long) term + " months is outside the product's range (" + months + " months)"));
        }
        int cap = state.needs.rateCap[need];
        if (cap >= 0 && p.effectiveRate > cap) {
            String rate = percent(p.effectiveRate);
            failed.add(Message.of("年利率 " + rate + "% 高于您可接受的 " + percent(cap) + "%",
                    "Annual rate " + rate + "% above your maximum of " + percent(cap) + "%"));
        }
        for (CompiledRule r : p.hard) {
            if (failed.size() > MatchingEngine.MAX_FAILED_FOR_NEAR_MISS) {
                break;
            }
            if (!r.test(c, need)) {
                failed.add(r.rule.messageOrDefault());
            }
        }
        return failed;
    }

    private List<Message> reasons(ProductState p, int need) {
        List<Message> reasons = new ArrayList<>();
        for (CompiledRule r : p.hard) {
            if (r.rule.message() != null) {
                reasons.add(r.rule.messageOrDefault());
            }
        }
        for (CompiledRule r : p.soft) {
            if (r.test(c, need)) {
                reasons.add(r.rule.messageOrDefault());
            }
        }
        reasons.add(Message.of("金额在产品额度范围内（" + range(p.spec.minAmount(), p.spec.maxAmount()) + " 元）",
                "Amount within the product's range (" + range(p.spec.minAmount(), p.spec.maxAmount()) + " yuan)"));
        // a recommended product fits the need's term and maximum rate (both are hard checks, see Scorer's pipeline)
        if (!Double.isNaN(c.numbers(Field.TERM_MONTHS)[need])) {
            reasons.add(Message.of("期限在产品期限范围内", "Term within the product's range"));
        }
        int cap = state.needs.rateCap[need];
        if (cap >= 0) {
            String rate = percent(p.effectiveRate);
            reasons.add(Message.of("预计年利率 " + rate + "% 不高于您可接受的 " + percent(cap) + "%",
                    "Estimated annual rate " + rate + "% within your maximum of " + percent(cap) + "%"));
        }
        List<String> overlap = new ArrayList<>();
        long shared = c.sets(Field.GUARANTEE_TYPES)[need] & p.guaranteeMask;
        for (long m = shared; m != 0; m &= m - 1) {
            overlap.add(c.dictionary(Field.GUARANTEE_TYPES).value(Long.numberOfTrailingZeros(m)));
        }
        // in the contract's order, not the dictionary's (which is the order this engine first saw them in): replicas
        // and restarts with other histories explain a need in the same words
        overlap.sort(Comparator.comparingInt((String t) -> {
            int i = MatchingEngine.GUARANTEE_TYPES.indexOf(t);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder()));
        reasons.add(Message.of("接受您的担保方式：" + String.join(", ", overlap),
                "Accepts your guarantee types: " + String.join(", ", overlap)));
        for (PolicyTool tool : p.support) {
            switch (tool.kind() == null ? "" : tool.kind()) {
                case "INTEREST_SUBSIDY" -> reasons.add(Message.of(
                        "享受政府贴息 " + plain(tool.subsidyRate()) + " 个百分点（" + tool.name() + "）",
                        "Government interest subsidy of " + plain(tool.subsidyRate()) + " points (" + tool.name() + ")"));
                case "RISK_POOL" -> reasons.add(Message.of("风险补偿资金池支持（" + tool.name() + "）",
                        "Backed by a risk-compensation pool (" + tool.name() + ")"));
                case "GOVERNMENT_GUARANTEE" -> reasons.add(Message.of("政策性融资担保支持（" + tool.name() + "）",
                        "Government financing guarantee available (" + tool.name() + ")"));
                default -> {
                }
            }
        }
        return reasons;
    }

    private List<Recommendation.PolicySupport> support(ProductState p) {
        return p.support.stream().map(t -> new Recommendation.PolicySupport(t.policyToolId(), t.kind(), t.name(),
                t.subsidyRate())).toList();
    }
}
