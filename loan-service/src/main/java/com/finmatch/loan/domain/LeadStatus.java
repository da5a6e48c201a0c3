package com.finmatch.loan.domain;

/**
 * Where an application stands, as its bank sees it (CONTRACT.md, Application). CLOSED: the enterprise's need was met by
 * another loan or withdrawn, so the application was closed (its reason code says which). MATERIALS_REQUESTED: the bank
 * asked for more materials (补件) and waits for the enterprise; the service-level clock is paused meanwhile.
 */
public enum LeadStatus {
    SUBMITTED, RECEIVED, UNDER_REVIEW, MATERIALS_REQUESTED, APPROVED, DECLINED, DISBURSED, WITHDRAWN, CLOSED;

    /** A final status: no decision moves a lead out of it. */
    public boolean isFinal() {
        return this == DECLINED || this == DISBURSED || this == WITHDRAWN || this == CLOSED;
    }
}
