package com.finmatch.matching.domain.kpi;

import com.finmatch.matching.domain.kpi.KpiFacts.ApplicationFact;
import com.finmatch.matching.domain.kpi.KpiFacts.EnterpriseFact;
import com.finmatch.matching.domain.kpi.KpiFacts.MatchFact;
import com.finmatch.matching.domain.kpi.KpiFacts.NeedFact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KPIs of a small data set computed by hand. March 2026 is the period; one fact of each kind lies outside it.
 *
 * <pre>
 * enterprises  E1 (NEV, 441202) 03-01   E2 (NEV, 441203) 03-05   E3 (FOOD, 441202) 02-10 (before the period)
 * needs        N1 E1 open 03-02, N2 E2 open 03-06, N3 E1 withdrawn 03-03
 * matches      N1×P1 (BANK-A) 03-02, N1×P2 (BANK-B) 03-02, N2×P1 (BANK-A) 03-06
 * applications A1 E1→P1 BANK-A submitted 03-02 09:00, received 03-02 11:00 (2 h), approved 03-04 1,000,000 at 3.50,
 *                 disbursed 03-10 1,000,000; P1 is CREDIT_LOAN with a 1.00 subsidy
 *              A2 E2→P1 BANK-A submitted 03-06 09:00, received 03-06 19:00 (10 h), declined 03-07
 *              A3 E2→P2 BANK-B submitted 03-07 09:00, approved 03-08 09:00 (24 h, first action) 500,000 at 4.10;
 *                 P2 MORTGAGE_LOAN, no subsidy
 *              A4 E1→P2 BANK-B submitted 03-20, no answer, due 03-23 (overdue now)
 *              A5 E3→P1 BANK-A submitted 02-15 (before the period), disbursed 02-20 — E3's first loan is not in March
 * </pre>
 */
class KpiCalculatorTest {

    private static Instant t(String s) {
        return Instant.parse("2026-" + s + ":00Z");
    }

    private static final KpiFacts FACTS = new KpiFacts(
            List.of(new EnterpriseFact("E1", "NEV", "441202", t("03-01T00:00")),
                    new EnterpriseFact("E2", "NEV", "441203", t("03-05T00:00")),
                    new EnterpriseFact("E3", "FOOD", "441202", t("02-10T00:00"))),
            List.of(new NeedFact("N1", "E1", true, t("03-02T00:00")), new NeedFact("N2", "E2", true, t("03-06T00:00")),
                    new NeedFact("N3", "E1", false, t("03-03T00:00"))),
            List.of(new MatchFact("N1", "E1", "P1", "BANK-A", t("03-02T00:00")),
                    new MatchFact("N1", "E1", "P2", "BANK-B", t("03-02T00:00")),
                    new MatchFact("N2", "E2", "P1", "BANK-A", t("03-06T00:00"))),
            List.of(app("A1", "E1", "P1", "BANK-A", "CREDIT_LOAN", "1.00", "03-02T09:00", "03-02T11:00", "03-02T11:00",
                            "03-04T10:00", "1000000", "3.50", null, "03-10T10:00", "1000000", "03-05T09:00", false),
                    app("A2", "E2", "P1", "BANK-A", "CREDIT_LOAN", "1.00", "03-06T09:00", "03-06T19:00", "03-06T19:00",
                            null, null, null, "03-07T10:00", null, null, "03-09T09:00", false),
                    app("A3", "E2", "P2", "BANK-B", "MORTGAGE_LOAN", "0", "03-07T09:00", "03-08T09:00", "03-08T09:00",
                            "03-08T09:00", "500000", "4.10", null, null, null, "03-10T09:00", false),
                    app("A4", "E1", "P2", "BANK-B", "MORTGAGE_LOAN", "0", "03-20T09:00", null, null, null, null, null,
                            null, null, null, "03-23T09:00", false),
                    app("A5", "E3", "P1", "BANK-A", "CREDIT_LOAN", "1.00", "02-15T09:00", "02-15T10:00", "02-15T10:00",
                            "02-18T10:00", "200000", "3.20", null, "02-20T10:00", "200000", "02-18T09:00", false)),
            new BigDecimal("3000000"));

    private static ApplicationFact app(String id, String e, String p, String bank, String type, String subsidy,
            String submitted, String firstAction, String accepted, String approved, String approvedAmount, String rate,
            String declined, String disbursed, String disbursedAmount, String due, boolean overdue) {
        return new ApplicationFact(id, e, p, bank, type, new BigDecimal(subsidy), t(submitted),
                firstAction == null ? null : t(firstAction), accepted == null ? null : t(accepted),
                approved == null ? null : t(approved), approvedAmount == null ? null : new BigDecimal(approvedAmount),
                rate == null ? null : new BigDecimal(rate), declined == null ? null : t(declined),
                disbursed == null ? null : t(disbursed), disbursedAmount == null ? null : new BigDecimal(disbursedAmount),
                due == null ? null : t(due), overdue);
    }

    private final KpiCalculator march = new KpiCalculator(FACTS, t("03-01T00:00"), t("04-01T00:00"),
            t("04-15T00:00"), new BigDecimal("3.00"));

    @Test
    void shouldComputeEveryKpiOfThePeriodAsComputedByHand() {
        Kpis k = march.total();
        assertEquals(2, k.enterprisesRegistered(), "E1, E2");
        assertEquals(2, k.enterprisesServed(), "E1 (A1), E2 (A3) approved in March");
        assertEquals(2, k.openNeeds(), "N1, N2; N3 withdrawn");
        assertEquals(3, k.matches());
        assertEquals(4, k.applications(), "A1–A4");
        assertEquals(new BigDecimal("75.00"), k.acceptanceRate(), "A1, A2, A3 answered of 4");
        assertEquals(new BigDecimal("66.67"), k.approvalRate(), "A1, A3 approved; A2 declined");
        assertEquals(new BigDecimal("1500000.00"), k.amountApproved());
        assertEquals(new BigDecimal("1000000.00"), k.amountDisbursed());
        assertEquals(new BigDecimal("10.00"), k.medianResponseHours(), "2, 10, 24 h");
        assertEquals(new BigDecimal("24.00"), k.p90ResponseHours());
        assertEquals(1, k.overdueLeads(), "A4: due 03-23, no answer by 04-15");
        assertEquals(1, k.firstLoanEnterprises(), "E1; E3's first loan was in February");
        assertEquals(new BigDecimal("66.67"), k.creditLoanShare(), "1,000,000 of 1,500,000");
        assertEquals(new BigDecimal("3.80"), k.averageApprovedRate(), "(3.50 + 4.10) / 2");
        assertEquals(new BigDecimal("80"), k.averageRateVsLprBps(), "3.80 − 3.00");
        assertEquals(1, k.subsidisedLoans());
        assertEquals(new BigDecimal("10000.00"), k.subsidyAnnualAmount(), "1% of 1,000,000");
        assertEquals(new BigDecimal("3000000.00"), k.riskPoolExposure());
    }

    @Test
    void shouldGroupByBankAndByDistrict() {
        List<Kpis> banks = march.grouped(GroupBy.BANK);
        assertEquals(List.of("-", "BANK-A", "BANK-B"), banks.stream().map(Kpis::key).toList(),
                "the withdrawn need N3 was matched with no bank");
        Kpis a = banks.get(1);
        assertEquals(2, a.applications());
        assertEquals(new BigDecimal("100.00"), a.acceptanceRate());
        assertEquals(new BigDecimal("2.00"), a.medianResponseHours(), "2 and 10 h: the nearest-rank median is 2 h");
        assertEquals(new BigDecimal("10.00"), a.p90ResponseHours());
        Kpis b = banks.get(2);
        assertEquals(1, b.overdueLeads());
        assertEquals(new BigDecimal("50.00"), b.acceptanceRate());

        List<Kpis> districts = march.grouped(GroupBy.DISTRICT);
        assertEquals(List.of("441202", "441203"), districts.stream().map(Kpis::key).toList());
        assertEquals(1, districts.get(0).enterprisesRegistered());
        assertEquals(2, districts.get(0).applications(), "A1, A4 of E1");
    }
}
