package com.finmatch.matching;

import java.util.List;
import java.util.Map;

/**
 * A bank's three months of leads (January to March 2026, times in UTC, well inside China's months), sent as
 * application-service and loan-service send them, with the KPIs of each month worked out by hand in
 * {@link #EXPECTED}: each month as it stood at its end (a lead approved in February is undecided in January's figures).
 */
final class KpiFixture {

    final String bank = "BK-SER-" + Events.id().substring(0, 8);
    final String product = Events.id();
    final String e1 = Events.id();
    final String e2 = Events.id();
    final String a1 = Events.id();
    final String a2 = Events.id();
    final String a3 = Events.id();
    /** E2's need: A2 for it is declined in January, A3 for it (the re-route) submitted in February. */
    final String n2 = Events.id();

    static final List<String> FIELDS = List.of("enterprisesRegistered", "enterprisesServed", "openNeeds", "matches",
            "applications", "acceptanceRate", "approvalRate", "amountApproved", "amountDisbursed",
            "medianResponseHours", "p90ResponseHours", "overdueLeads", "reroutedNeeds", "reroutedApproved",
            "firstLoanEnterprises", "creditLoanShare",
            "averageApprovedRate", "averageRateVsLprBps", "subsidisedLoans", "subsidyAnnualAmount", "riskPoolExposure");

    /**
     * Hand-computed, per month (LPR 3.00). January: A1 and A2 submitted; A1 received after 8 working hours, A2 declined
     * after 24 — acceptance 1 of 2, approval 0 of 1 (A1's approval comes in February), median 8, p90 24.
     * February: A3 submitted and escalated (overdue), still unanswered at the month's end; A1 approved (1,000,000 at
     * 3.50, a CREDIT_LOAN) and disbursed — E1's first loan; A3 is for the need A2 was declined for: the need is
     * re-routed. March: A3 received (100 working hours) and approved (500,000 at 4.00) — but A3 counts in February's
     * cohort, where it stands unanswered; its approval is the re-routed need's.
     */
    static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "2026-01", kpis("0", "0", "0", "0", "2", "50.00", "0.00", "0.00", "0.00", "8.00", "24.00", "0", "0", "0",
                    "0", "0.00", "0.00", "0", "0", "0.00", "0.00"),
            "2026-02", kpis("0", "1", "0", "0", "1", "0.00", "0.00", "1000000.00", "1000000.00", "0.00", "0.00", "1",
                    "1", "0", "1", "100.00", "3.50", "50", "0", "0.00", "0.00"),
            "2026-03", kpis("0", "1", "0", "0", "0", "0.00", "0.00", "500000.00", "0.00", "0.00", "0.00", "0", "0", "1",
                    "0", "100.00", "4.00", "100", "0", "0.00", "0.00"));

    private static Map<String, String> kpis(String... values) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(FIELDS.get(i), values[i]);
        }
        return m;
    }

    /** The events of January only. */
    void january() {
        Events.publishProduct(product, bank, "D-" + bank, "3.50", 1);
        submitted(a1, e1, null, "2026-01-10T02:00:00Z");
        lead(a1, e1, "RECEIVED", "2026-01-10T02:00:00Z", "2026-01-11T02:00:00Z", ",\"responseWorkingHours\":8");
        submitted(a2, e2, n2, "2026-01-20T02:00:00Z");
        lead(a2, e2, "DECLINED", "2026-01-20T02:00:00Z", "2026-01-21T02:00:00Z",
                ",\"responseWorkingHours\":24,\"reasonCode\":\"INSUFFICIENT_REVENUE\"");
    }

    /** The events of February and March. */
    void februaryAndMarch() {
        lead(a1, e1, "APPROVED", "2026-01-10T02:00:00Z", "2026-02-05T02:00:00Z", ",\"amount\":1000000,\"rate\":3.50");
        lead(a1, e1, "DISBURSED", "2026-01-10T02:00:00Z", "2026-02-20T02:00:00Z", ",\"amount\":1000000");
        submitted(a3, e2, n2, "2026-02-10T02:00:00Z");
        Events.send("lead.events", a3, "finmatch.lead.LeadOverdue.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s",
                 "dueAt":"2026-02-12T02:00:00Z","at":"2026-02-13T02:00:00Z"}""".formatted(a3, product, bank, e2));
        lead(a3, e2, "RECEIVED", "2026-02-10T02:00:00Z", "2026-03-02T02:00:00Z", ",\"responseWorkingHours\":100");
        lead(a3, e2, "APPROVED", "2026-02-10T02:00:00Z", "2026-03-10T02:00:00Z", ",\"amount\":500000,\"rate\":4.00");
    }

    /** Events of April, after the months of the fixture: A3 disbursed, a new lead submitted and declined. */
    void april() {
        lead(a3, e2, "DISBURSED", "2026-02-10T02:00:00Z", "2026-04-03T02:00:00Z", ",\"amount\":500000");
        String a4 = Events.id();
        submitted(a4, e1, null, "2026-04-02T02:00:00Z");
        lead(a4, e1, "DECLINED", "2026-04-02T02:00:00Z", "2026-04-06T02:00:00Z",
                ",\"responseWorkingHours\":16,\"reasonCode\":\"INSUFFICIENT_REVENUE\"");
    }

    private void submitted(String application, String enterprise, String need, String at) {
        Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":%s,"productId":"%s","bankId":"%s",
                 "amount":1000000,"termMonths":12,"submittedAt":"%s"}""".formatted(application, enterprise,
                need == null ? "null" : "\"" + need + "\"", product, bank, at));
    }

    private void lead(String application, String enterprise, String status, String submittedAt, String at,
            String extra) {
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","status":"%s",
                 "previousStatus":"SUBMITTED","at":"%s","dueAt":"%s","submittedAt":"%s"%s}"""
                .formatted(application, product, bank, enterprise, status, at,
                        java.time.Instant.parse(submittedAt).plus(java.time.Duration.ofDays(2)), submittedAt, extra));
    }
}
