package com.finmatch.matching.domain.kpi;

import com.finmatch.matching.domain.kpi.KpiFacts.ApplicationFact;
import com.finmatch.matching.domain.kpi.KpiFacts.EnterpriseFact;
import com.finmatch.matching.domain.kpi.KpiFacts.MatchFact;
import com.finmatch.matching.domain.kpi.KpiFacts.NeedFact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KPIs of a small data set computed by hand. March 2026 is the period; one fact of each kind lies outside it.
 *
 * <pre>
 * enterprises  E1 (NEV, 441202) 03-01   E2 (NEV, 441203) 03-05   E3 (FOOD, 441202) 02-10 (before the period)
 * needs        N1 E1 open 03-02, N2 E2 open 03-06, N3 E1 opened 03-03, withdrawn 03-03 12:00
 * matches      N1×P1 (BANK-A) 03-02, N1×P2 (BANK-B) 03-02, N2×P1 (BANK-A) 03-06
 * applications A1 E1→P1 BANK-A submitted 03-02 09:00, received 03-02 11:00 (2 h), approved 03-04 1,000,000 at 3.50,
 *                 disbursed 03-10 1,000,000; P1 is CREDIT_LOAN with a 1.00 subsidy
 *              A2 E2→P1 BANK-A submitted 03-06 09:00, received 03-06 19:00 (10 h), declined 03-07
 *              A3 E2→P2 BANK-B submitted 03-07 09:00, approved 03-08 09:00 (24 h, first action) 500,000 at 4.10;
 *                 P2 MORTGAGE_LOAN, no subsidy
 *              A4 E1→P2 BANK-B submitted 03-20, no answer, due 03-23 (overdue now)
 *              A5 E3→P1 BANK-A submitted 02-15 (before the period), disbursed 02-20 — E3's first loan is not in March
 * </pre>
 * Response times are the working hours loan-service sends with the bank's first action; in this data set they equal
 * the clock hours between submission and first action.
 */
class KpiCalculatorTest {

    private static Instant t(String s) {
        return Instant.parse("2026-" + s + ":00Z");
    }

    private static final KpiFacts FACTS = new KpiFacts(
            List.of(new EnterpriseFact("E1", "NEV", "441202", t("03-01T00:00")),
                    new EnterpriseFact("E2", "NEV", "441203", t("03-05T00:00")),
                    new EnterpriseFact("E3", "FOOD", "441202", t("02-10T00:00"))),
            List.of(new NeedFact("N1", "E1", true, t("03-02T00:00"), null),
                    new NeedFact("N2", "E2", true, t("03-06T00:00"), null),
                    new NeedFact("N3", "E1", false, t("03-03T00:00"), t("03-03T12:00"))),
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
        BigDecimal responseHours = firstAction == null ? null
                : BigDecimal.valueOf(java.time.Duration.between(t(submitted), t(firstAction)).toMinutes())
                        .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
        return new ApplicationFact(id, e, null, p, bank, type, new BigDecimal(subsidy), t(submitted),
                firstAction == null ? null : t(firstAction), accepted == null ? null : t(accepted),
                approved == null ? null : t(approved), approvedAmount == null ? null : new BigDecimal(approvedAmount),
                rate == null ? null : new BigDecimal(rate), declined == null ? null : t(declined),
                disbursed == null ? null : t(disbursed), disbursedAmount == null ? null : new BigDecimal(disbursedAmount),
                due == null ? null : t(due), overdue, null, responseHours);
    }

    /** The same application, withdrawn by the enterprise at {@code withdrawn}. */
    private static ApplicationFact withdrawn(ApplicationFact a, String withdrawn) {
        return new ApplicationFact(a.id(), a.enterpriseId(), a.needId(), a.productId(), a.bankId(), a.productType(),
                a.subsidyRate(), a.submittedAt(), a.firstActionAt(), a.acceptedAt(), a.approvedAt(), a.approvedAmount(),
                a.approvedRate(), a.declinedAt(), a.disbursedAt(), a.disbursedAmount(), a.dueAt(), a.overdueFlag(),
                t(withdrawn), a.responseWorkingHours());
    }

    /** The same application with the response time loan-service sent ({@code null}: an event without it). */
    private static ApplicationFact responding(ApplicationFact a, String workingHours) {
        return new ApplicationFact(a.id(), a.enterpriseId(), a.needId(), a.productId(), a.bankId(), a.productType(),
                a.subsidyRate(), a.submittedAt(), a.firstActionAt(), a.acceptedAt(), a.approvedAt(), a.approvedAmount(),
                a.approvedRate(), a.declinedAt(), a.disbursedAt(), a.disbursedAmount(), a.dueAt(), a.overdueFlag(),
                a.withdrawnAt(), workingHours == null ? null : new BigDecimal(workingHours));
    }

    /** The same application, for the need {@code need}. */
    private static ApplicationFact forNeed(ApplicationFact a, String need) {
        return new ApplicationFact(a.id(), a.enterpriseId(), need, a.productId(), a.bankId(), a.productType(),
                a.subsidyRate(), a.submittedAt(), a.firstActionAt(), a.acceptedAt(), a.approvedAt(), a.approvedAmount(),
                a.approvedRate(), a.declinedAt(), a.disbursedAt(), a.disbursedAmount(), a.dueAt(), a.overdueFlag(),
                a.withdrawnAt(), a.responseWorkingHours());
    }

    private static KpiFacts withApplications(List<ApplicationFact> applications) {
        return new KpiFacts(FACTS.enterprises(), FACTS.needs(), FACTS.matches(), applications,
                FACTS.riskPoolExposure());
    }

    private static Kpis marchOf(KpiFacts facts) {
        return new KpiCalculator(facts, KpiFilter.NONE, t("03-01T00:00"), t("04-01T00:00"), NOW,
                new BigDecimal("3.00")).total();
    }

    private static final Instant NOW = t("04-15T00:00");

    private final KpiCalculator march = march(KpiFilter.NONE);

    private static KpiCalculator march(KpiFilter filter) {
        return new KpiCalculator(FACTS, filter, t("03-01T00:00"), t("04-01T00:00"), NOW, new BigDecimal("3.00"));
    }

    private static KpiCalculator allTime(KpiFilter filter) {
        return new KpiCalculator(FACTS, filter, null, null, NOW, new BigDecimal("3.00"));
    }

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
        assertEquals(new BigDecimal("3.70"), k.averageApprovedRate(),
                "(3.50 × 1,000,000 + 4.10 × 500,000) / 1,500,000, weighted by amount");
        assertEquals(new BigDecimal("70"), k.averageRateVsLprBps(), "3.70 − 3.00");
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

    // ------------------------------------------------------------------------------------------------ re-routes

    /**
     * N2's A2 (P1, BANK-A) is declined 03-07 10:00. A3 (P2, BANK-B) was submitted an hour before that decline: no
     * re-route. A6 (P3, BANK-C) submitted 03-08 and approved 03-12 re-routes N2 and approves the re-route; A7 (P2,
     * BANK-B) submitted 03-09 and approved 03-10 is a second application of the same re-routed need and its approval
     * comes first: the need counts once for each, and its approval is A7's.
     */
    private static KpiFacts reroutedN2() {
        List<ApplicationFact> apps = new ArrayList<>();
        for (ApplicationFact a : FACTS.applications()) {
            apps.add(forNeed(a, switch (a.id()) {
                case "A1", "A4" -> "N1";
                case "A2", "A3" -> "N2";
                default -> null;
            }));
        }
        apps.add(forNeed(app("A6", "E2", "P3", "BANK-C", "CREDIT_LOAN", "0", "03-08T09:00", "03-08T10:00",
                "03-08T10:00", "03-12T09:00", "300000", "3.80", null, null, null, "03-10T09:00", false), "N2"));
        apps.add(forNeed(app("A7", "E2", "P2", "BANK-B", "MORTGAGE_LOAN", "0", "03-09T09:00", "03-09T10:00",
                "03-09T10:00", "03-10T09:00", "200000", "4.00", null, null, null, "03-11T09:00", false), "N2"));
        return withApplications(apps);
    }

    @Test
    void shouldCountADeclinedNeedReRoutedOnceAndItsFirstApprovalAfterTheDecline() {
        Kpis k = marchOf(reroutedN2());
        assertEquals(1, k.reroutedNeeds(), "N2, by A6; A3 came before the decline, A7 after A6");
        assertEquals(1, k.reroutedApproved(), "N2, by A7's approval on 03-10");
        Kpis before = marchOf(FACTS);
        assertEquals(0, before.reroutedNeeds(), "no application names its need: nothing to follow");
        assertEquals(0, before.reroutedApproved());
    }

    @Test
    void shouldCountAReRouteUnderTheBankItWentTo() {
        KpiFacts facts = reroutedN2();
        List<Kpis> banks = new KpiCalculator(facts, KpiFilter.NONE, t("03-01T00:00"), t("04-01T00:00"), NOW,
                new BigDecimal("3.00")).grouped(GroupBy.BANK);
        assertEquals(List.of(0L, 0L, 1L), banks.stream().filter(b -> !b.key().equals("-"))
                .map(Kpis::reroutedNeeds).toList(), "BANK-A declined, BANK-B approved, BANK-C re-routed");
        assertEquals(List.of(0L, 1L, 0L), banks.stream().filter(b -> !b.key().equals("-"))
                .map(Kpis::reroutedApproved).toList());
        Kpis bankB = new KpiCalculator(facts, new KpiFilter(null, null, "BANK-B"), t("03-01T00:00"),
                t("04-01T00:00"), NOW, new BigDecimal("3.00")).total();
        assertEquals(1, bankB.reroutedApproved(), "a bank filter still sees the decline by another bank");
    }

    @Test
    void shouldLeaveAPastPeriodsReRoutesAsTheyStoodAtItsEnd() {
        KpiFacts facts = reroutedN2();
        Instant end = t("03-09T00:00");
        Kpis asOfEnd = new KpiCalculator(facts.asOf(end, BigDecimal.ZERO), KpiFilter.NONE, t("03-01T00:00"), end, NOW,
                new BigDecimal("3.00")).total();
        assertEquals(1, asOfEnd.reroutedNeeds(), "A6 was submitted on 03-08");
        assertEquals(0, asOfEnd.reroutedApproved(), "no approval of N2 was known before 03-09");
        Kpis afterwards = new KpiCalculator(facts, KpiFilter.NONE, t("03-01T00:00"), end, NOW,
                new BigDecimal("3.00")).total();
        assertEquals(1, afterwards.reroutedNeeds());
        assertEquals(0, afterwards.reroutedApproved(), "the approvals of 03-10 and 03-12 fall after the period");
    }

    // ------------------------------------------------------------------------------------------------ filters

    @Test
    void shouldRestrictEveryKpiToTheEnterprisesOfADistrict() {
        Kpis k = march(new KpiFilter(null, "441202", null)).total();
        assertEquals(1, k.enterprisesRegistered(), "E1; E3 (also 441202) registered in February");
        assertEquals(1, k.enterprisesServed(), "E1 (A1)");
        assertEquals(1, k.openNeeds(), "N1; N3 withdrawn; N2 is E2's (441203)");
        assertEquals(2, k.matches(), "N1×P1, N1×P2");
        assertEquals(2, k.applications(), "A1, A4; A5 was in February");
        assertEquals(new BigDecimal("50.00"), k.acceptanceRate(), "A1 answered, A4 not");
        assertEquals(new BigDecimal("100.00"), k.approvalRate(), "A1 approved, none declined");
        assertEquals(new BigDecimal("1000000.00"), k.amountApproved());
        assertEquals(new BigDecimal("1000000.00"), k.amountDisbursed());
        assertEquals(new BigDecimal("2.00"), k.medianResponseHours(), "A1 only: 2 h");
        assertEquals(new BigDecimal("2.00"), k.p90ResponseHours());
        assertEquals(1, k.overdueLeads(), "A4");
        assertEquals(1, k.firstLoanEnterprises(), "E1");
        assertEquals(new BigDecimal("100.00"), k.creditLoanShare(), "A1 is a CREDIT_LOAN");
        assertEquals(new BigDecimal("3.50"), k.averageApprovedRate());
        assertEquals(new BigDecimal("50"), k.averageRateVsLprBps());
        assertEquals(1, k.subsidisedLoans());
        assertEquals(new BigDecimal("10000.00"), k.subsidyAnnualAmount());
        assertEquals(new BigDecimal("0.00"), k.riskPoolExposure(), "risk pools belong to no district");

        Kpis other = march(new KpiFilter(null, "441203", null)).total();
        assertEquals(1, other.enterprisesRegistered(), "E2");
        assertEquals(1, other.openNeeds(), "N2");
        assertEquals(1, other.matches(), "N2×P1");
        assertEquals(2, other.applications(), "A2, A3");
        assertEquals(new BigDecimal("100.00"), other.acceptanceRate());
        assertEquals(new BigDecimal("50.00"), other.approvalRate(), "A3 approved, A2 declined");
        assertEquals(new BigDecimal("500000.00"), other.amountApproved());
        assertEquals(new BigDecimal("0.00"), other.amountDisbursed());
        assertEquals(new BigDecimal("10.00"), other.medianResponseHours(), "10 and 24 h: nearest rank");
        assertEquals(new BigDecimal("24.00"), other.p90ResponseHours());
        assertEquals(0, other.overdueLeads());
        assertEquals(0, other.firstLoanEnterprises());
        assertEquals(new BigDecimal("0.00"), other.creditLoanShare(), "A3 is a MORTGAGE_LOAN");
        assertEquals(new BigDecimal("110"), other.averageRateVsLprBps(), "4.10 − 3.00");
    }

    @Test
    void shouldRestrictEveryKpiToTheEnterprisesOfACluster() {
        Kpis food = allTime(new KpiFilter("FOOD", null, null)).total();
        assertEquals(1, food.enterprisesRegistered(), "E3");
        assertEquals(1, food.enterprisesServed(), "E3 (A5)");
        assertEquals(0, food.openNeeds());
        assertEquals(0, food.matches());
        assertEquals(1, food.applications(), "A5");
        assertEquals(new BigDecimal("100.00"), food.acceptanceRate());
        assertEquals(new BigDecimal("200000.00"), food.amountApproved());
        assertEquals(new BigDecimal("200000.00"), food.amountDisbursed());
        assertEquals(new BigDecimal("1.00"), food.medianResponseHours(), "A5: 1 h");
        assertEquals(1, food.firstLoanEnterprises(), "E3");
        assertEquals(new BigDecimal("3.20"), food.averageApprovedRate());
        assertEquals(new BigDecimal("20"), food.averageRateVsLprBps());
        assertEquals(new BigDecimal("2000.00"), food.subsidyAnnualAmount(), "1% of 200,000");
        assertEquals(new BigDecimal("0.00"), food.riskPoolExposure());

        Kpis nev = allTime(new KpiFilter("NEV", null, null)).total();
        assertEquals(2, nev.enterprisesRegistered(), "E1, E2; E3 is FOOD");
        assertEquals(4, nev.applications(), "A1–A4; A5 is E3's");
        assertEquals(new BigDecimal("1500000.00"), nev.amountApproved(), "A1, A3; not A5's 200,000");
        assertEquals(1, nev.firstLoanEnterprises(), "E1");
        assertEquals(3, nev.matches());

        assertEquals(3, allTime(KpiFilter.NONE).total().enterprisesRegistered(), "without a filter all three");
    }

    @Test
    void shouldRestrictBankSideKpisToABankAndCountTheEnterprisesItMatchedOrLeadsItGot() {
        Kpis a = march(new KpiFilter(null, null, "BANK-A")).total();
        assertEquals(2, a.enterprisesRegistered(), "E1, E2 (E3 also applied to BANK-A but registered in February)");
        assertEquals(1, a.enterprisesServed(), "E1 (A1); E2's A3 was BANK-B's");
        assertEquals(2, a.openNeeds(), "N1, N2 are matched with P1");
        assertEquals(2, a.matches(), "N1×P1, N2×P1");
        assertEquals(2, a.applications(), "A1, A2");
        assertEquals(new BigDecimal("100.00"), a.acceptanceRate());
        assertEquals(new BigDecimal("50.00"), a.approvalRate(), "A1 approved, A2 declined");
        assertEquals(new BigDecimal("1000000.00"), a.amountApproved());
        assertEquals(new BigDecimal("1000000.00"), a.amountDisbursed());
        assertEquals(new BigDecimal("2.00"), a.medianResponseHours());
        assertEquals(new BigDecimal("10.00"), a.p90ResponseHours());
        assertEquals(0, a.overdueLeads());
        assertEquals(1, a.firstLoanEnterprises(), "E1's first loan, A1");
        assertEquals(new BigDecimal("100.00"), a.creditLoanShare());
        assertEquals(new BigDecimal("3.50"), a.averageApprovedRate());
        assertEquals(1, a.subsidisedLoans());
        assertEquals(new BigDecimal("10000.00"), a.subsidyAnnualAmount());
        assertEquals(new BigDecimal("0.00"), a.riskPoolExposure());

        Kpis b = march(new KpiFilter(null, null, "BANK-B")).total();
        assertEquals(2, b.enterprisesRegistered(), "E1 (N1×P2, A4), E2 (A3)");
        assertEquals(1, b.enterprisesServed(), "E2 (A3)");
        assertEquals(1, b.openNeeds(), "N1 only: N2 is not matched with BANK-B");
        assertEquals(1, b.matches());
        assertEquals(2, b.applications(), "A3, A4");
        assertEquals(new BigDecimal("50.00"), b.acceptanceRate());
        assertEquals(new BigDecimal("100.00"), b.approvalRate());
        assertEquals(new BigDecimal("500000.00"), b.amountApproved());
        assertEquals(new BigDecimal("0.00"), b.amountDisbursed());
        assertEquals(new BigDecimal("24.00"), b.medianResponseHours());
        assertEquals(1, b.overdueLeads(), "A4");
        assertEquals(0, b.firstLoanEnterprises());
        assertEquals(new BigDecimal("0.00"), b.creditLoanShare());
        assertEquals(new BigDecimal("110"), b.averageRateVsLprBps());
        assertEquals(0, b.subsidisedLoans());
    }

    @Test
    void shouldNotCountAsFirstLoanOfABankAnEnterpriseThatBorrowedEarlierFromAnotherBank() {
        List<ApplicationFact> applications = new ArrayList<>(FACTS.applications());
        applications.add(app("A6", "E1", "P2", "BANK-B", "MORTGAGE_LOAN", "0", "01-10T09:00", "01-10T10:00",
                "01-10T10:00", "01-15T10:00", "300000", "4.00", null, "01-20T10:00", "300000", "01-13T09:00", false));
        KpiFacts facts = new KpiFacts(FACTS.enterprises(), FACTS.needs(), FACTS.matches(), applications,
                FACTS.riskPoolExposure());
        Kpis a = new KpiCalculator(facts, new KpiFilter(null, null, "BANK-A"), t("03-01T00:00"), t("04-01T00:00"), NOW,
                new BigDecimal("3.00")).total();
        assertEquals(new BigDecimal("1000000.00"), a.amountDisbursed(), "A1 is still BANK-A's disbursement");
        assertEquals(0, a.firstLoanEnterprises(), "E1's first loan on the platform was BANK-B's A6 in January");
    }

    @Test
    void shouldCombineFiltersWithAnd() {
        Kpis k = allTime(new KpiFilter("NEV", null, "BANK-A")).total();
        assertEquals(2, k.enterprisesRegistered(), "E1, E2; E3 applied to BANK-A but is FOOD");
        assertEquals(2, k.applications(), "A1, A2; A5 is E3's");
        assertEquals(2, k.matches());
        assertEquals(1, k.firstLoanEnterprises(), "E1");

        Kpis none = allTime(new KpiFilter("FOOD", "441203", null)).total();
        assertEquals(0, none.enterprisesRegistered(), "E3 is FOOD but in 441202");
        assertEquals(0, none.applications());
    }

    @Test
    void shouldGroupTheFilteredFactsOnly() {
        List<Kpis> byDistrict = march(new KpiFilter(null, null, "BANK-B")).grouped(GroupBy.DISTRICT);
        assertEquals(List.of("441202", "441203"), byDistrict.stream().map(Kpis::key).toList());
        Kpis e1 = byDistrict.get(0);
        assertEquals(1, e1.enterprisesRegistered(), "E1; E3 never dealt with BANK-B");
        assertEquals(1, e1.openNeeds(), "N1");
        assertEquals(1, e1.matches(), "N1×P2");
        assertEquals(1, e1.applications(), "A4");
        assertEquals(1, e1.overdueLeads());
        assertEquals(new BigDecimal("0.00"), e1.acceptanceRate());
        Kpis e2 = byDistrict.get(1);
        assertEquals(1, e2.enterprisesRegistered(), "E2");
        assertEquals(0, e2.openNeeds(), "N2 is matched with BANK-A only");
        assertEquals(0, e2.matches());
        assertEquals(1, e2.applications(), "A3");
        assertEquals(new BigDecimal("500000.00"), e2.amountApproved());

        assertEquals(List.of("BANK-A"), march(new KpiFilter(null, null, "BANK-A")).grouped(GroupBy.BANK).stream()
                .map(Kpis::key).toList(), "a bank filter grouped by bank has that bank's row only");
        assertEquals(List.of("P1"), march(new KpiFilter(null, null, "BANK-A")).grouped(GroupBy.PRODUCT).stream()
                .map(Kpis::key).toList(), "and by product that bank's products only");
        List<Kpis> nevByBank = march(new KpiFilter("NEV", null, null)).grouped(GroupBy.BANK);
        assertEquals(List.of("-", "BANK-A", "BANK-B"), nevByBank.stream().map(Kpis::key).toList());
        assertEquals(2, nevByBank.get(1).applications(), "A1, A2");
    }

    @Test
    void shouldCombineAFilterWithAPeriodAndAGrouping() {
        KpiCalculator february = new KpiCalculator(FACTS, new KpiFilter(null, "441202", null), t("02-01T00:00"),
                t("03-01T00:00"), NOW, new BigDecimal("3.00"));
        Kpis total = february.total();
        assertEquals(1, total.enterprisesRegistered(), "E3 on 02-10; E1 on 03-01 is after the period");
        assertEquals(1, total.applications(), "A5");
        assertEquals(new BigDecimal("200000.00"), total.amountApproved());
        assertEquals(1, total.firstLoanEnterprises(), "E3");
        assertEquals(0, total.matches(), "all matches were made in March");

        List<Kpis> byCluster = february.grouped(GroupBy.CLUSTER);
        assertEquals(List.of("FOOD", "NEV"), byCluster.stream().map(Kpis::key).toList(),
                "E2 (441203) is filtered out; NEV stays for E1, with nothing in February");
        assertEquals(1, byCluster.get(0).applications());
        assertEquals(new BigDecimal("200000.00"), byCluster.get(0).amountDisbursed());
        assertEquals(0, byCluster.get(1).enterprisesRegistered());
        assertEquals(0, byCluster.get(1).applications());
    }

    @Test
    void shouldGiveZerosAndNoGroupsForAnUnknownCode() {
        KpiCalculator moon = march(new KpiFilter("MOON", null, null));
        Kpis k = moon.total();
        assertEquals(0, k.enterprisesRegistered());
        assertEquals(0, k.matches());
        assertEquals(0, k.applications());
        assertEquals(new BigDecimal("0.00"), k.amountApproved());
        assertEquals(new BigDecimal("0.00"), k.riskPoolExposure());
        assertTrue(moon.grouped(GroupBy.BANK).isEmpty());
        assertEquals(0, march(new KpiFilter(null, null, "NO-SUCH-BANK")).total().applications());
    }

    @Test
    void shouldMakeAFilteredTotalEqualToTheSameGroupOfTheUnfilteredGrouping() {
        for (KpiCalculator period : List.of(march, allTime(KpiFilter.NONE))) {
            for (GroupBy dimension : List.of(GroupBy.CLUSTER, GroupBy.DISTRICT, GroupBy.BANK)) {
                for (Kpis row : period.grouped(dimension)) {
                    if (row.key().equals("-")) {
                        continue;
                    }
                    KpiFilter filter = switch (dimension) {
                        case CLUSTER -> new KpiFilter(row.key(), null, null);
                        case DISTRICT -> new KpiFilter(null, row.key(), null);
                        default -> new KpiFilter(null, null, row.key());
                    };
                    Kpis filtered = period == march ? march(filter).total() : allTime(filter).total();
                    assertEquals(values(row), values(filtered), dimension + " " + row.key());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ definitions

    @Test
    void shouldCountTheNeedsOpenAtTheEndOfThePeriodWhenEverTheyWereOpened() {
        List<NeedFact> needs = new ArrayList<>(FACTS.needs());
        needs.add(new NeedFact("N4", "E1", true, t("02-10T00:00"), null)); // opened before March, still open
        needs.add(new NeedFact("N5", "E2", false, t("03-10T00:00"), t("04-05T00:00"))); // fulfilled in April
        needs.add(new NeedFact("N6", "E2", false, t("03-10T00:00"), t("03-20T00:00"))); // withdrawn in March
        KpiFacts facts = new KpiFacts(FACTS.enterprises(), needs, FACTS.matches(), FACTS.applications(),
                FACTS.riskPoolExposure());
        assertEquals(4, marchOf(facts).openNeeds(), "N1, N2, N4 and N5 were open on 04-01; N3 and N6 were closed");
        Kpis february = new KpiCalculator(facts, KpiFilter.NONE, t("02-01T00:00"), t("03-01T00:00"), NOW,
                new BigDecimal("3.00")).total();
        assertEquals(1, february.openNeeds(), "N4 only: the others were opened in March");
        Kpis now = new KpiCalculator(facts, KpiFilter.NONE, null, null, NOW, new BigDecimal("3.00")).total();
        assertEquals(3, now.openNeeds(), "N1, N2, N4 are open now; N5 was fulfilled");
    }

    @Test
    void shouldLeaveOutOfTheAcceptanceRateALeadWithdrawnBeforeTheBanksFirstAction() {
        List<ApplicationFact> applications = new ArrayList<>(FACTS.applications());
        ApplicationFact a4 = applications.get(3);
        applications.set(3, withdrawn(a4, "03-21T09:00")); // withdrawn the day after submission, unanswered
        Kpis k = marchOf(withApplications(applications));
        assertEquals(4, k.applications(), "A4 was still an application submitted in March");
        assertEquals(new BigDecimal("100.00"), k.acceptanceRate(), "A1, A2, A3 accepted of the 3 a bank could act on");
        assertEquals(0, k.overdueLeads(), "A4 was withdrawn before its due time 03-23");

        applications.set(3, withdrawn(a4, "03-25T09:00"));
        Kpis late = marchOf(withApplications(applications));
        assertEquals(new BigDecimal("100.00"), late.acceptanceRate(), "still not a refusal");
        assertEquals(1, late.overdueLeads(), "but unanswered past its due time 03-23 before the withdrawal");

        ApplicationFact a1 = applications.get(0);
        applications.set(0, withdrawn(a1, "03-03T09:00")); // withdrawn after the bank received it
        applications.set(3, a4);
        assertEquals(new BigDecimal("75.00"), marchOf(withApplications(applications)).acceptanceRate(),
                "a lead withdrawn after the bank acted on it still counts");
    }

    @Test
    void shouldTakeResponseTimesInWorkingHoursAsLoanServiceSentThem() {
        List<ApplicationFact> applications = new ArrayList<>(FACTS.applications());
        // A3: submitted Saturday 03-07 09:00, first action Sunday 03-08 09:00 — 24 clock hours, 0 working hours
        applications.set(2, responding(applications.get(2), "0"));
        Kpis k = marchOf(withApplications(applications));
        assertEquals(new BigDecimal("2.00"), k.medianResponseHours(), "0, 2, 10 working hours");
        assertEquals(new BigDecimal("10.00"), k.p90ResponseHours());

        applications.set(1, responding(applications.get(1), null)); // A2 from a version without the figure
        Kpis older = marchOf(withApplications(applications));
        assertEquals(new BigDecimal("0.00"), older.medianResponseHours(), "0 and 2 h: A2 is left out, not guessed");
        assertEquals(new BigDecimal("2.00"), older.p90ResponseHours());
    }

    @Test
    void shouldWeightTheAverageApprovedRateByTheApprovedAmount() {
        List<ApplicationFact> applications = new ArrayList<>(FACTS.applications());
        applications.add(app("A7", "E2", "P2", "BANK-B", "MORTGAGE_LOAN", "0", "03-11T09:00", "03-11T10:00",
                "03-11T10:00", "03-12T10:00", "100000", "6.00", null, null, null, "03-14T09:00", false));
        Kpis k = marchOf(withApplications(applications));
        // (3.50 × 1,000,000 + 4.10 × 500,000 + 6.00 × 100,000) / 1,600,000 = 6,150,000 / 1,600,000 = 3.84375
        assertEquals(new BigDecimal("3.84"), k.averageApprovedRate(), "a simple mean would say 4.53");
        assertEquals(new BigDecimal("84"), k.averageRateVsLprBps());
    }

    @Test
    void shouldCountTheSubsidyOnDisbursedLoansAtTheRateOfTheirDisbursement() {
        Kpis k = march.total();
        assertEquals(1, k.subsidisedLoans(), "A1 disbursed 03-10; A2 on the same product was never disbursed");
        assertEquals(new BigDecimal("10000.00"), k.subsidyAnnualAmount(), "1.00% of the 1,000,000 disbursed");
    }

    private static List<Object> values(Kpis k) {
        List<Object> values = Arrays.asList(k.csvValues());
        return values.subList(1, values.size());
    }
}
