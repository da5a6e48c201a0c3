package com.finmatch.matching.domain.kpi;

import java.math.BigDecimal;

/**
 * The administrator's KPIs (PRODUCT.md) for one group — or for everything when {@code key} is {@code null}.
 * Rates are percentages with 2 decimals (0 when there is nothing to divide by), money is yuan, times are hours.
 */
public record Kpis(
        String key,
        long enterprisesRegistered,
        long enterprisesServed,
        long openNeeds,
        long matches,
        long applications,
        BigDecimal acceptanceRate,
        BigDecimal approvalRate,
        BigDecimal amountApproved,
        BigDecimal amountDisbursed,
        BigDecimal medianResponseHours,
        BigDecimal p90ResponseHours,
        long overdueLeads,
        long firstLoanEnterprises,
        BigDecimal creditLoanShare,
        BigDecimal averageApprovedRate,
        BigDecimal averageRateVsLprBps,
        long subsidisedLoans,
        BigDecimal subsidyAnnualAmount,
        BigDecimal riskPoolExposure) {

    /** The column names of a CSV export, in the order of {@link #csvValues()}. */
    public static final String[] CSV_HEADER = {"group", "enterprisesRegistered", "enterprisesServed", "openNeeds",
            "matches", "applications", "acceptanceRate", "approvalRate", "amountApproved", "amountDisbursed",
            "medianResponseHours", "p90ResponseHours", "overdueLeads", "firstLoanEnterprises", "creditLoanShare",
            "averageApprovedRate", "averageRateVsLprBps", "subsidisedLoans", "subsidyAnnualAmount", "riskPoolExposure"};

    public Object[] csvValues() {
        return new Object[] {key == null ? "TOTAL" : key, enterprisesRegistered, enterprisesServed, openNeeds, matches,
                applications, acceptanceRate, approvalRate, amountApproved, amountDisbursed, medianResponseHours,
                p90ResponseHours, overdueLeads, firstLoanEnterprises, creditLoanShare, averageApprovedRate,
                averageRateVsLprBps, subsidisedLoans, subsidyAnnualAmount, riskPoolExposure};
    }
}
