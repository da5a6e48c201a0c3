package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.FinancingNeed;
import com.finmatch.enterprise.domain.FinancingPurpose;
import com.finmatch.enterprise.domain.GuaranteeType;
import com.finmatch.enterprise.domain.NeedStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record FinancingNeedView(UUID id, UUID enterpriseId, BigDecimal amount, int termMonths,
        FinancingPurpose purpose, List<GuaranteeType> guaranteeTypes, BigDecimal maxAnnualRate, LocalDate neededBy,
        UUID projectId, NeedStatus status, Instant openedAt, Instant closedAt) {

    public static FinancingNeedView of(FinancingNeed n) {
        return new FinancingNeedView(n.id, n.enterpriseId, n.amount, n.termMonths, n.purpose,
                n.guaranteeTypes.stream().sorted().toList(), n.maxAnnualRate, n.neededBy, n.projectId, n.status,
                n.openedAt, n.closedAt);
    }
}
