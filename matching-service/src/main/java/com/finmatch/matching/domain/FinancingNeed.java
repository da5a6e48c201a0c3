package com.finmatch.matching.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An open financing need, or a major project's financing gap treated as one (then {@code needId} is the project id
 * and {@code projectId} too).
 */
public record FinancingNeed(String needId, String enterpriseId, BigDecimal amount, Integer termMonths, String purpose,
        List<String> guaranteeTypes, BigDecimal maxAnnualRate, LocalDate neededBy, String projectId) {
}
