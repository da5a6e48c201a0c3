package com.finmatch.loan.domain;

/**
 * A move of a lead: a bank's decision, or SUBMIT_MATERIALS, the enterprise's answer to a 补件 request (it arrives as
 * MaterialsSubmitted on application.events; a bank cannot take it).
 */
public enum LeadAction {
    RECEIVE, REVIEW, APPROVE, DECLINE, DISBURSE, REQUEST_MATERIALS, SUBMIT_MATERIALS;

    /** Whether a bank may take this action through POST /leads/{id}/decisions. */
    public boolean isBankDecision() {
        return this != SUBMIT_MATERIALS;
    }
}
