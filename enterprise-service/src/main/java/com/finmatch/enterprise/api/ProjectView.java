package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Project;
import com.finmatch.enterprise.domain.ProjectStage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(requiredProperties = {"id", "enterpriseId", "name", "description", "investmentAmount", "financingGap", "stage",
        "districtCode", "termMonths", "registeredAt"})
public record ProjectView(UUID id, UUID enterpriseId, @Schema(maxLength = 200) String name,
        @Schema(maxLength = 2000, nullable = true) String description, BigDecimal investmentAmount,
        BigDecimal financingGap, ProjectStage stage, @Schema(maxLength = 20) String districtCode,
        @Schema(minimum = "1", maximum = "360", nullable = true) Integer termMonths, Instant registeredAt) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.enterpriseId, p.name, p.description, p.investmentAmount, p.financingGap,
                p.stage, p.districtCode, p.termMonths, p.registeredAt);
    }
}
