package com.finmatch.matching.domain.engine;

import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.Message;
import com.finmatch.matching.domain.Operator;
import com.finmatch.matching.domain.Rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Small builders of engine inputs for tests. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private Fixtures() {
    }

    static EnterpriseProfile enterprise(String id, String district, String cluster, String size, List<String> tags,
            long revenue, String rating) {
        return new EnterpriseProfile(id, "owner-" + id, null, "Enterprise " + id, null, LocalDate.of(2018, 1, 1),
                null, district, "C3670", cluster, size, tags, 50, BigDecimal.valueOf(revenue), null, null, null, null,
                null, null, null, rating, "NONE", null, 1);
    }

    static FinancingNeed need(String id, String enterprise, long amount, int term, List<String> guarantees,
            String maxRate) {
        return new FinancingNeed(id, enterprise, BigDecimal.valueOf(amount), term, "WORKING_CAPITAL", guarantees,
                maxRate == null ? null : new BigDecimal(maxRate), null, null);
    }

    static LoanProduct product(String id, String bank, long min, long max, String minRate, List<String> guarantees,
            List<Rule> rules, List<String> tools) {
        return new LoanProduct(id, bank, "Product " + id, "CREDIT_LOAN", BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), 6, 36, new BigDecimal(minRate), new BigDecimal(minRate).add(BigDecimal.ONE),
                guarantees, rules, tools, null, null, "PUBLISHED", 1);
    }

    static LoanProduct withRate(LoanProduct p, BigDecimal minRate) {
        return new LoanProduct(p.productId(), p.bankId(), p.name(), p.type(), p.minAmount(), p.maxAmount(),
                p.minTermMonths(), p.maxTermMonths(), minRate, p.maxAnnualRate(), p.guaranteeTypes(), p.rules(),
                p.policyToolIds(), p.validFrom(), p.validTo(), p.status(), p.version() + 1);
    }

    static Rule hard(String field, Operator op, Object value, String en) {
        return new Rule(field, op, value, true, 0, new Message("中文:" + en, en));
    }

    static Rule soft(String field, Operator op, Object value, int weight, String en) {
        return new Rule(field, op, value, false, weight, new Message("中文:" + en, en));
    }

    static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }
}
