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

        NeedFact asOf(Instant t) {
            return closedAt == null || before(closedAt, t) ? this : new NeedFact(id, enterpriseId, true, openedAt, null);
        }
    }

    /**
     * The facts as they were known at {@code t}: every fact and every step of a fact stamped at or after {@code t} is
     * left out (a lead approved after {@code t} is a lead not yet decided), so KPIs computed from them for a period
     * ending at {@code t} do not change when later events arrive. Times are the events' own (occurredAt / {@code at}),
     * as the read models record them. {@code riskPoolExposure} is the exposure at {@code t}.
     */
    public KpiFacts asOf(Instant t, BigDecimal riskPoolExposureAt) {
        return new KpiFacts(
                enterprises.stream().filter(e -> e.registeredAt() == null || before(e.registeredAt(), t)).toList(),
                needs.stream().filter(n -> n.openedAt() == null || before(n.openedAt(), t)).map(n -> n.asOf(t)).toList(),
                matches.stream().filter(m -> before(m.firstMatchedAt(), t)).toList(),
                applications.stream().filter(a -> a.submittedAt() == null || before(a.submittedAt(), t))
                        .map(a -> a.asOf(t)).toList(),
                riskPoolExposureAt);
    }

    private static boolean before(Instant time, Instant t) {
        return time != null && time.isBefore(t);
    }

    private static Instant known(Instant time, Instant t) {
        return before(time, t) ? time : null;
    }

    /**
     * A match made: a need–product pair the platform recommended (it entered the need's published top list), from the
     * append-only history, whether or not it is still in the list; {@code firstMatchedAt} is its first time.
     */
    public record MatchFact(String needId, String enterpriseId, String productId, String bankId, Instant firstMatchedAt) {
    }

    /**
     * One application (lead) for the need {@code needId} ({@code null} when the event did not name it). {@code productType} comes from the product read model; {@code subsidyRate} is the
     * interest subsidy (percentage points, 0 when none) of the product's policy tools under the terms in force at the
     * disbursement ({@code null} when not disbursed). {@code responseWorkingHours} is the time from submission to the
     * bank's first action in working hours on loan-service's service-level calendar, as loan-service computed it
     * ({@code null} when unanswered or when the event came from a version that did not send it). {@code overdueAt}
     * is when the lead was escalated (LeadOverdue's {@code at}; {@code null} when not, or for a flag without a time).
     */
    public record ApplicationFact(String id, String enterpriseId, String needId, String productId, String bankId,
            String productType, BigDecimal subsidyRate, Instant submittedAt, Instant firstActionAt, Instant acceptedAt, Instant approvedAt,
            BigDecimal approvedAmount, BigDecimal approvedRate, Instant declinedAt, Instant disbursedAt,
            BigDecimal disbursedAmount, Instant dueAt, boolean overdueFlag, Instant withdrawnAt,
            BigDecimal responseWorkingHours, Instant overdueAt) {

        /** An application whose escalation time is not known. */
        public ApplicationFact(String id, String enterpriseId, String needId, String productId, String bankId,
                String productType, BigDecimal subsidyRate, Instant submittedAt, Instant firstActionAt, Instant acceptedAt,
                Instant approvedAt, BigDecimal approvedAmount, BigDecimal approvedRate, Instant declinedAt,
                Instant disbursedAt, BigDecimal disbursedAmount, Instant dueAt, boolean overdueFlag,
                Instant withdrawnAt, BigDecimal responseWorkingHours) {
            this(id, enterpriseId, needId, productId, bankId, productType, subsidyRate, submittedAt, firstActionAt,
                    acceptedAt, approvedAt, approvedAmount, approvedRate, declinedAt, disbursedAt, disbursedAmount, dueAt,
                    overdueFlag, withdrawnAt, responseWorkingHours, null);
        }

        /** This application as it stood at {@code t} (see {@link KpiFacts#asOf}). */
        ApplicationFact asOf(Instant t) {
            Instant firstAction = known(firstActionAt, t);
            Instant approved = known(approvedAt, t);
            Instant disbursed = known(disbursedAt, t);
            boolean escalated = overdueFlag && (overdueAt == null || before(overdueAt, t));
            return new ApplicationFact(id, enterpriseId, needId, productId, bankId, productType,
                    disbursed == null ? null : subsidyRate, submittedAt, firstAction, known(acceptedAt, t), approved,
                    approved == null ? null : approvedAmount, approved == null ? null : approvedRate,
                    known(declinedAt, t), disbursed, disbursed == null ? null : disbursedAmount, dueAt, escalated,
                    known(withdrawnAt, t), firstAction == null ? null : responseWorkingHours, escalated ? overdueAt : null);
        }

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
