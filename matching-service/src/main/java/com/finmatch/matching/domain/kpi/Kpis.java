package com.finmatch.matching.domain.kpi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The administrator's KPIs (PRODUCT.md) for one group — or for everything when {@code key} is {@code null}.
 * Rates are percentages with 2 decimals (0 when there is nothing to divide by), money is yuan, times are hours.
 */
public record Kpis(
        @Schema(nullable = true, description = "the group's code (`-`: none known); null in the total")
        @Size(max = KpiFilter.MAX_LENGTH) String key,
        @Min(0) @Max(Long.MAX_VALUE) long enterprisesRegistered,
        @Min(0) @Max(Long.MAX_VALUE) long enterprisesServed,
        @Min(0) @Max(Long.MAX_VALUE) long openNeeds,
        @Min(0) @Max(Long.MAX_VALUE) long matches,
        @Min(0) @Max(Long.MAX_VALUE) long applications,
        @DecimalMin("0") @DecimalMax("100") BigDecimal acceptanceRate,
        @DecimalMin("0") @DecimalMax("100") BigDecimal approvalRate,
        BigDecimal amountApproved,
        BigDecimal amountDisbursed,
        BigDecimal medianResponseHours,
        BigDecimal p90ResponseHours,
        @Min(0) @Max(Long.MAX_VALUE) long overdueLeads,
        @Min(0) @Max(Long.MAX_VALUE) long firstLoanEnterprises,
        @DecimalMin("0") @DecimalMax("100") BigDecimal creditLoanShare,
        BigDecimal averageApprovedRate,
        BigDecimal averageRateVsLprBps,
        @Min(0) @Max(Long.MAX_VALUE) long subsidisedLoans,
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
