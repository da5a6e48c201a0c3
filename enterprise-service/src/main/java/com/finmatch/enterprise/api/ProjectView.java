package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Project;
import com.finmatch.enterprise.domain.ProjectStage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record ProjectView(UUID id, UUID enterpriseId, String name, String description, BigDecimal investmentAmount,
        BigDecimal financingGap, ProjectStage stage, String districtCode, Integer termMonths, Instant registeredAt) {

    public static ProjectView of(Project p) {
        return new ProjectView(p.id, p.enterpriseId, p.name, p.description, p.investmentAmount, p.financingGap,
                p.stage, p.districtCode, p.termMonths, p.registeredAt);
    }
}
