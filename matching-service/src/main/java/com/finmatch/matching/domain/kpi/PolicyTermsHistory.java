package com.finmatch.matching.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The terms of each policy tool as they changed over time, so that a loan is judged by the terms in force when it was
 * made, not by today's: the terms in force at a time are those of the last change at or before it; before a tool's
 * first known change it did not exist.
 */
public final class PolicyTermsHistory {

    /**
     * What a change set: the tool's kind, whether it was active, its interest subsidy (percentage points) and, for a
     * risk pool, the exposure used ({@code null} when not stated).
     */
    public record Terms(String kind, boolean active, BigDecimal subsidyRate, BigDecimal exposureUsed) {

        public Terms(String kind, boolean active, BigDecimal subsidyRate) {
            this(kind, active, subsidyRate, null);
        }
    }

    private final Map<String, NavigableMap<Instant, Terms>> byTool = new HashMap<>();

    /** Records that {@code toolId}'s terms became {@code terms} at {@code since}. */
    public void add(String toolId, Instant since, Terms terms) {
        byTool.computeIfAbsent(toolId, x -> new TreeMap<>()).put(since, terms);
    }

    /** The terms of the tool in force at {@code at}, or {@code null} when none was yet known. */
    public Terms at(String toolId, Instant at) {
        NavigableMap<Instant, Terms> changes = byTool.get(toolId);
        if (changes == null) {
            return null;
        }
        Map.Entry<Instant, Terms> entry = changes.floorEntry(at);
        return entry == null ? null : entry.getValue();
    }

    /** The interest subsidy (percentage points) of the active INTEREST_SUBSIDY tools among these at {@code at}. */
    public BigDecimal subsidyRateAt(Iterable<String> toolIds, Instant at) {
        BigDecimal rate = BigDecimal.ZERO;
        for (String toolId : toolIds) {
            Terms terms = at(toolId, at);
            if (terms != null && terms.active() && "INTEREST_SUBSIDY".equals(terms.kind())
                    && terms.subsidyRate() != null) {
                rate = rate.add(terms.subsidyRate());
            }
        }
        return rate;
    }

    /** The exposure used of the risk pools active at {@code at}, under their terms of that time. */
    public BigDecimal riskPoolExposureAt(Instant at) {
        BigDecimal exposure = BigDecimal.ZERO;
        for (String toolId : byTool.keySet()) {
            Terms terms = at(toolId, at);
            if (terms != null && terms.active() && "RISK_POOL".equals(terms.kind()) && terms.exposureUsed() != null) {
                exposure = exposure.add(terms.exposureUsed());
            }
        }
        return exposure;
    }
}
