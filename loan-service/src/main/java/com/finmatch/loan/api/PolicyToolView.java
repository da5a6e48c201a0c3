package com.finmatch.loan.api;

import com.finmatch.loan.domain.PolicyTool;
import com.finmatch.loan.domain.PolicyToolKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record PolicyToolView(UUID id, PolicyToolKind kind, @Size(max = 200) String name,
        @Schema(nullable = true) @Size(max = 2000) String description,
        // which amounts a tool has depends on its kind; the others are null
        @Schema(nullable = true) BigDecimal subsidyRate, @Schema(nullable = true) BigDecimal coverageShare,
        @Schema(nullable = true) BigDecimal poolSize, @Schema(nullable = true) BigDecimal exposureUsed,
        @Schema(nullable = true) BigDecimal perEnterpriseCap, @Schema(nullable = true) BigDecimal budget,
        @Schema(nullable = true) BigDecimal budgetUsed, @Schema(nullable = true) BigDecimal guaranteeFeeRate,
        @Schema(nullable = true) LocalDate validFrom, @Schema(nullable = true) LocalDate validTo, boolean active,
        @Min(0) @Max(Long.MAX_VALUE) long version) {

    public static PolicyToolView of(PolicyTool t) {
        return new PolicyToolView(t.id, t.kind, t.name, t.description, t.subsidyRate, t.coverageShare, t.poolSize,
                t.exposureUsed, t.perEnterpriseCap, t.budget, t.budgetUsed, t.guaranteeFeeRate, t.validFrom, t.validTo, t.active, t.version);
    }
}
