package com.finmatch.loan.domain;

public enum GuaranteeType {
    CREDIT, MORTGAGE, GUARANTEE, IP_PLEDGE, RECEIVABLES, POLICY_GUARANTEE
}
