package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A government policy tool: RISK_POOL, INTEREST_SUBSIDY (with {@code subsidyRate} points) or GOVERNMENT_GUARANTEE,
 * with its validity and how much of it is used: a pool's {@code exposureUsed} of its {@code poolSize}, a subsidy's
 * {@code budgetUsed} of its {@code budget} (no budget: unlimited).
 */
public record PolicyTool(String policyToolId, String kind, String name, BigDecimal subsidyRate, boolean active,
        LocalDate validFrom, LocalDate validTo, BigDecimal poolSize, BigDecimal exposureUsed, BigDecimal budget,
        BigDecimal budgetUsed) {

    /** A tool without dates or usage (always valid, never exhausted while active). */
    public PolicyTool(String policyToolId, String kind, String name, BigDecimal subsidyRate, boolean active) {
        this(policyToolId, kind, name, subsidyRate, active, null, null, null, null, null, null);
    }

    /** Counts on {@code day}: active, inside its validity, and not exhausted. */
    public boolean usableOn(LocalDate day) {
        return active && (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day))
                && !exhausted();
    }

    /** A risk pool whose exposure reached its size, or a subsidy whose budget is spent. */
    public boolean exhausted() {
        return switch (kind == null ? "" : kind) {
            case "RISK_POOL" -> used(poolSize, exposureUsed);
            case "INTEREST_SUBSIDY" -> used(budget, budgetUsed);
            default -> false;
        };
    }

    private static boolean used(BigDecimal capacity, BigDecimal used) {
        return capacity != null && capacity.signum() > 0 && used != null && used.compareTo(capacity) >= 0;
    }
}
