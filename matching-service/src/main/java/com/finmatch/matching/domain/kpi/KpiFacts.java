package com.finmatch.matching.domain.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the KPIs are computed from: rows of the read models, as plain values. */
public record KpiFacts(List<EnterpriseFact> enterprises, List<NeedFact> needs, List<MatchFact> matches,
        List<ApplicationFact> applications, BigDecimal riskPoolExposure) {

    public record EnterpriseFact(String id, String clusterCode, String districtCode, Instant registeredAt) {
    }

    /** A financing need; {@code closedAt} is when it was withdrawn or fulfilled ({@code null} while open). */
    public record NeedFact(String id, String enterpriseId, boolean open, Instant openedAt, Instant closedAt) {
    }

    /**
     * A match made: a need–product pair the platform recommended (it entered the need's published top list), from the
     * append-only history, whether or not it is still in the list; {@code firstMatchedAt} is its first time.
     */
    public record MatchFact(String needId, String enterpriseId, String productId, String bankId, Instant firstMatchedAt) {
    }

    /**
     * One application (lead). {@code productType} comes from the product read model; {@code subsidyRate} is the
     * interest subsidy (percentage points, 0 when none) of the product's policy tools under the terms in force at the
     * disbursement ({@code null} when not disbursed). {@code responseWorkingHours} is the time from submission to the
     * bank's first action in working hours on loan-service's service-level calendar, as loan-service computed it
     * ({@code null} when unanswered or when the event came from a version that did not send it).
     */
    public record ApplicationFact(String id, String enterpriseId, String productId, String bankId, String productType,
            BigDecimal subsidyRate, Instant submittedAt, Instant firstActionAt, Instant acceptedAt, Instant approvedAt,
            BigDecimal approvedAmount, BigDecimal approvedRate, Instant declinedAt, Instant disbursedAt,
            BigDecimal disbursedAmount, Instant dueAt, boolean overdueFlag, Instant withdrawnAt,
            BigDecimal responseWorkingHours) {

        /**
         * Whether the bank could act on this lead: not when the enterprise side ended it ({@code withdrawnAt}: withdrawn,
         * or closed because its need was met elsewhere or withdrawn) before the bank's first action (such a lead is no
         * refusal and no late answer).
         */
        public boolean actionable() {
            return withdrawnAt == null || (firstActionAt != null && !withdrawnAt.isBefore(firstActionAt));
        }
    }
}
