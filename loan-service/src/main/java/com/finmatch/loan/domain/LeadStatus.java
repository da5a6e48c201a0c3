package com.finmatch.loan.domain;

/** Where an application stands, as its bank sees it (CONTRACT.md, Application). */
public enum LeadStatus {
    SUBMITTED, RECEIVED, UNDER_REVIEW, APPROVED, DECLINED, DISBURSED, WITHDRAWN;

    /** A final status: no decision moves a lead out of it. */
    public boolean isFinal() {
        return this == DECLINED || this == DISBURSED || this == WITHDRAWN;
    }
}
