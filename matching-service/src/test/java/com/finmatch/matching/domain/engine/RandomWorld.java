package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.Rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Random enterprises, needs, products and policy tools over a small vocabulary (so that rules often bite), and random
 * sequences of the events that change them. The final state is kept so that it can be loaded into a fresh engine.
 */
final class RandomWorld {

    static final List<String> DISTRICTS = List.of("441202", "441203", "441284");
    static final List<String> CLUSTERS = List.of("NEV", "STORAGE", "HARDWARE");
    static final List<String> SIZES = List.of("MICRO", "SMALL", "MEDIUM", "LARGE");
    static final List<String> TAGS = List.of("SRDI_PROVINCIAL", "HIGH_TECH", "TECH_SME");
    static final List<String> GUARANTEES = List.of("CREDIT", "MORTGAGE", "GUARANTEE");
    static final List<String> RATINGS = List.of("BBB", "A", "AA", "AAA");

    private final Random random;
    final Map<String, EnterpriseProfile> enterprises = new LinkedHashMap<>();
    final Map<String, FinancingNeed> needs = new LinkedHashMap<>();
    final Map<String, LoanProduct> products = new LinkedHashMap<>();
    final Map<String, PolicyTool> tools = new LinkedHashMap<>();
    /** "needId/productId" pairs a bank declined */
    final Set<String> declined = new TreeSet<>();
    private long version = 1;

    RandomWorld(long seed) {
        this.random = new Random(seed);
    }

    /** One random event applied to the world and to the engine. */
    void randomEvent(MatchingEngine engine) {
        int kind = random.nextInt(11);
        if (kind < 2 || enterprises.isEmpty()) {
            EnterpriseProfile e = enterprise("e" + random.nextInt(5));
            enterprises.put(e.enterpriseId(), e);
            engine.upsertEnterprise(e);
        } else if (kind < 5) {
            FinancingNeed n = need("n" + random.nextInt(12), pick(new ArrayList<>(enterprises.keySet())));
            needs.put(n.needId(), n);
            engine.upsertNeed(n);
        } else if (kind < 6 && !needs.isEmpty()) {
            String id = pick(new ArrayList<>(needs.keySet()));
            needs.remove(id);
            engine.closeNeed(id);
        } else if (kind < 8) {
            LoanProduct p = product(Fixtures.uuid(random.nextInt(10)));
            products.put(p.productId(), p);
            engine.upsertProduct(p);
        } else if (kind < 9 && !products.isEmpty()) {
            LoanProduct p = products.get(pick(new ArrayList<>(products.keySet())));
            String status = pick(List.of("SUSPENDED", "WITHDRAWN", "PUBLISHED"));
            long v = ++version;
            products.put(p.productId(), withStatus(p, status, v));
            engine.changeProductStatus(p.productId(), status, v);
        } else if (kind < 10 || needs.isEmpty() || products.isEmpty()) {
            PolicyTool t = tool("t" + random.nextInt(3));
            tools.put(t.policyToolId(), t);
            engine.upsertPolicyTool(t);
        } else {
            String need = pick(new ArrayList<>(needs.keySet()));
            String product = pick(new ArrayList<>(products.keySet()));
            boolean decline = random.nextInt(4) > 0;
            if (decline) {
                declined.add(need + "/" + product);
            } else {
                declined.remove(need + "/" + product);
            }
            engine.declineProduct(need, product, decline);
        }
    }

    /** A one-thread engine with this top size after this many random events (applied to this world too). */
    MatchingEngine played(int events, int topSize) {
        MatchingEngine engine = new MatchingEngine(topSize, Fixtures.TODAY, 1);
        for (int i = 0; i < events; i++) {
            randomEvent(engine);
        }
        return engine;
    }

    /** Every element of the final state, as the events that would produce it. */
    List<Consumer<MatchingEngine>> finalStateEvents() {
        List<Consumer<MatchingEngine>> events = new ArrayList<>();
        tools.values().forEach(t -> events.add(e -> e.upsertPolicyTool(t)));
        enterprises.values().forEach(x -> events.add(e -> e.upsertEnterprise(x)));
        needs.values().forEach(n -> events.add(e -> e.upsertNeed(n)));
        products.values().forEach(p -> events.add(e -> e.upsertProduct(p)));
        declined.forEach(pair -> events.add(e -> e.declineProduct(pair.split("/")[0], pair.split("/")[1], true)));
        return events;
    }

    /** A fresh engine holding the final state, matched in one full re-match. */
    MatchingEngine freshEngine(int topSize, int threads) {
        MatchingEngine engine = new MatchingEngine(topSize, Fixtures.TODAY, threads);
        engine.deferMatching();
        finalStateEvents().forEach(e -> e.accept(engine));
        engine.rematchAll(null);
        return engine;
    }

    EnterpriseProfile enterprise(String id) {
        List<String> tags = new ArrayList<>();
        TAGS.forEach(t -> {
            if (random.nextBoolean()) {
                tags.add(t);
            }
        });
        return new EnterpriseProfile(id, "owner-" + id, null, "E " + id, null,
                Fixtures.TODAY.minusYears(random.nextInt(12)), null, pick(DISTRICTS),
                pick(List.of("C3670", "C3891", "C2650")), random.nextInt(8) == 0 ? null : pick(CLUSTERS),
                pick(SIZES), tags, 10 + random.nextInt(500), BigDecimal.valueOf(1_000_000L * random.nextInt(100)),
                null, random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(5_000_000)), null, null, null,
                null, null, pick(RATINGS), "NONE", null, ++version);
    }

    FinancingNeed need(String id, String enterpriseId) {
        List<String> guarantees = new ArrayList<>();
        GUARANTEES.forEach(g -> {
            if (random.nextInt(3) > 0) {
                guarantees.add(g);
            }
        });
        return new FinancingNeed(id, enterpriseId, BigDecimal.valueOf(pick(List.of(50_000L, 500_000L, 2_000_000L,
                10_000_000L))), pick(List.of(6, 12, 36, 60)), "WORKING_CAPITAL", guarantees,
                random.nextInt(4) == 0 ? null : new BigDecimal(pick(List.of("3.50", "4.50", "6.00"))), null, null);
    }

    LoanProduct product(String id) {
        List<String> guarantees = new ArrayList<>();
        GUARANTEES.forEach(g -> {
            if (random.nextBoolean()) {
                guarantees.add(g);
            }
        });
        List<Rule> rules = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            rules.add(rule());
        }
        List<String> toolIds = new ArrayList<>();
        if (random.nextBoolean()) {
            toolIds.add("t" + random.nextInt(3));
        }
        long min = pick(List.of(10_000L, 100_000L, 1_000_000L));
        long max = min * pick(List.of(5L, 20L, 100L));
        return new LoanProduct(id, pick(List.of("ZQRCB", "ICBC", "CCB")), "P " + id, "CREDIT_LOAN",
                BigDecimal.valueOf(min), BigDecimal.valueOf(max), pick(List.of(3, 12)), pick(List.of(24, 36, 120)),
                new BigDecimal(pick(List.of("2.80", "3.45", "4.20", "5.50"))), new BigDecimal("8.00"), guarantees,
                rules, toolIds, null, null, random.nextInt(6) == 0 ? "DRAFT" : "PUBLISHED", ++version);
    }

    Rule rule() {
        boolean hard = random.nextBoolean();
        int weight = random.nextInt(101);
        return switch (random.nextInt(9)) {
            case 0 -> new Rule("districtCode", Operator.IN, List.of(pick(DISTRICTS), pick(DISTRICTS)), hard, weight,
                    Message.of("区县", "district"));
            case 1 -> new Rule("districtCode", Operator.NE, pick(DISTRICTS), hard, weight, Message.of("区县", "not"));
            case 2 -> new Rule("clusterCode", Operator.EQ, pick(CLUSTERS), hard, weight, Message.of("集群", "cluster"));
            case 3 -> new Rule("sizeClass", Operator.LE, pick(SIZES), hard, weight, Message.of("规模", "size"));
            case 4 -> new Rule("tags", Operator.CONTAINS, pick(TAGS), hard, weight, Message.of("标签", "tag"));
            case 5 -> new Rule("annualRevenue", Operator.GE, 1_000_000L * random.nextInt(100), hard, weight,
                    Message.of("营收", "revenue"));
            case 6 -> new Rule("creditRating", Operator.GE, pick(RATINGS), hard, weight, Message.of("评级", "rating"));
            case 7 -> new Rule("yearsInBusiness", Operator.BETWEEN, List.of(random.nextInt(5), 5 + random.nextInt(8)),
                    hard, weight, Message.of("年限", "years"));
            default -> new Rule("netProfit", Operator.GT, random.nextInt(3_000_000), hard, weight,
                    Message.of("利润", "profit"));
        };
    }

    /** Sometimes not yet or no longer valid, sometimes exhausted (a pool's exposure, a subsidy's budget). */
    PolicyTool tool(String id) {
        String kind = pick(List.of("INTEREST_SUBSIDY", "RISK_POOL", "GOVERNMENT_GUARANTEE"));
        BigDecimal size = BigDecimal.valueOf(1_000_000);
        BigDecimal used = random.nextInt(4) == 0 ? size : BigDecimal.ZERO;
        return new PolicyTool(id, kind, "Tool " + id, kind.equals("INTEREST_SUBSIDY")
                ? new BigDecimal(pick(List.of("0.50", "1.00", "1.50"))) : null, random.nextInt(4) > 0,
                random.nextInt(5) == 0 ? Fixtures.TODAY.plusDays(1) : Fixtures.TODAY.minusDays(30),
                random.nextInt(5) == 0 ? Fixtures.TODAY.minusDays(1) : random.nextBoolean() ? Fixtures.TODAY : null,
                size, used, size, used);
    }

    /** minAnnualRate less the subsidies of the product's tools that count today, floored at 0 (what the need sees). */
    BigDecimal estimatedRate(LoanProduct p) {
        BigDecimal rate = p.minAnnualRate();
        for (String id : p.policyToolIds()) {
            PolicyTool t = tools.get(id);
            if (t != null && t.usableOn(Fixtures.TODAY) && t.subsidyRate() != null) {
                rate = rate.subtract(t.subsidyRate());
            }
        }
        return rate.max(BigDecimal.ZERO);
    }

    static LoanProduct withStatus(LoanProduct p, String status, long version) {
        return new LoanProduct(p.productId(), p.bankId(), p.name(), p.type(), p.minAmount(), p.maxAmount(),
                p.minTermMonths(), p.maxTermMonths(), p.minAnnualRate(), p.maxAnnualRate(), p.guaranteeTypes(),
                p.rules(), p.policyToolIds(), p.validFrom(), p.validTo(), status, version);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Random random() {
        return random;
    }
}
