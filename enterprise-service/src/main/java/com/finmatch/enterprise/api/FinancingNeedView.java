package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.FinancingNeed;
import com.finmatch.enterprise.domain.FinancingPurpose;
import com.finmatch.enterprise.domain.GuaranteeType;
import com.finmatch.enterprise.domain.NeedStatus;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(requiredProperties = {"id", "enterpriseId", "amount", "termMonths", "purpose", "guaranteeTypes",
        "maxAnnualRate", "neededBy", "projectId", "status", "openedAt", "closedAt"})
public record FinancingNeedView(UUID id, UUID enterpriseId, BigDecimal amount,
        @Schema(minimum = "1", maximum = "360") int termMonths,
        FinancingPurpose purpose, @Schema(maxItems = 6) List<GuaranteeType> guaranteeTypes, BigDecimal maxAnnualRate,
        LocalDate neededBy, @Schema(nullable = true) UUID projectId, NeedStatus status, Instant openedAt,
        @Schema(nullable = true, maxLength = 35) Instant closedAt) {

    public static FinancingNeedView of(FinancingNeed n) {
        return new FinancingNeedView(n.id, n.enterpriseId, n.amount, n.termMonths, n.purpose,
                n.guaranteeTypes.stream().sorted().toList(), n.maxAnnualRate, n.neededBy, n.projectId, n.status,
                n.openedAt, n.closedAt);
    }
}
