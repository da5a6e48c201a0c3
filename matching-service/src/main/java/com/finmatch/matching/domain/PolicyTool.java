package com.finmatch.matching.domain;

import java.math.BigDecimal;

/** A government policy tool: RISK_POOL, INTEREST_SUBSIDY (with {@code subsidyRate} points) or GOVERNMENT_GUARANTEE. */
public record PolicyTool(String policyToolId, String kind, String name, BigDecimal subsidyRate, boolean active) {
}
