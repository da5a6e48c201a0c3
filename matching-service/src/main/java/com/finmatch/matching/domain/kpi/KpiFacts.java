package com.finmatch.matching.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the KPIs are computed from: rows of the read models, as plain values. */
public record KpiFacts(List<EnterpriseFact> enterprises, List<NeedFact> needs, List<MatchFact> matches,
        List<ApplicationFact> applications, BigDecimal riskPoolExposure) {

    public record EnterpriseFact(String id, String clusterCode, String districtCode, Instant registeredAt) {
    }

    public record NeedFact(String id, String enterpriseId, boolean open, Instant openedAt) {
    }

    public record MatchFact(String needId, String enterpriseId, String productId, String bankId, Instant firstMatchedAt) {
    }

    /**
     * One application (lead). {@code productType} and {@code subsidyRate} (active interest subsidy of the product, in
     * percentage points, 0 when none) come from the product read model.
     */
    public record ApplicationFact(String id, String enterpriseId, String productId, String bankId, String productType,
            BigDecimal subsidyRate, Instant submittedAt, Instant firstActionAt, Instant acceptedAt, Instant approvedAt,
            BigDecimal approvedAmount, BigDecimal approvedRate, Instant declinedAt, Instant disbursedAt,
            BigDecimal disbursedAmount, Instant dueAt, boolean overdueFlag) {
    }
}
