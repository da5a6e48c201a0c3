package com.finmatch.enterprise.domain;

/**
 * The state machine of a loan application: SUBMITTED → RECEIVED → UNDER_REVIEW → APPROVED → DISBURSED, or DECLINED
 * (by the bank) or WITHDRAWN (by the enterprise) from any state that is not final, or CLOSED (with a
 * {@link CloseReason}) when its need was met by another application's loan or withdrawn. MATERIALS_REQUESTED (补件) is
 * a detour of the review: the bank asked for more materials; it is of UNDER_REVIEW's rank, and the statuses of one rank
 * may follow each other (the bank asks, the enterprise answers, the application is UNDER_REVIEW again).
 */
public enum ApplicationStatus {
    SUBMITTED(0), RECEIVED(1), UNDER_REVIEW(2), MATERIALS_REQUESTED(2), APPROVED(3), DISBURSED(4), DECLINED(-1), WITHDRAWN(-1), CLOSED(-1);

    private final int rank;

    ApplicationStatus(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return this == DISBURSED || this == DECLINED || this == WITHDRAWN || this == CLOSED;
    }

    /** The statuses a bank reports through lead events. */
    public boolean isReportedByBank() {
        return this != SUBMITTED && this != WITHDRAWN && this != CLOSED;
    }

    /**
     * Whether a bank's report may move an application from this status to {@code next}: forward along the main
     * line (a step may be skipped when the bank does two at once), to another status of the same rank (into or out
     * of MATERIALS_REQUESTED), or DECLINED, and never out of a final state.
     */
    public boolean canAdvanceTo(ApplicationStatus next) {
        if (isFinal() || !next.isReportedByBank()) {
            return false;
        }
        return next == DECLINED || next.rank > rank || (next.rank == rank && next != this);
    }
}
