package com.finmatch.loan.domain;

/** A bank's decision on a lead. */
public enum LeadAction {
    RECEIVE, REVIEW, APPROVE, DECLINE, DISBURSE
}
