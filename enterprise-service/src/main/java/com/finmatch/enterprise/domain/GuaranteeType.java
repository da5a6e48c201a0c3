package com.finmatch.enterprise.domain;

/** Guarantees an enterprise can offer: 信用, 抵押, 保证, 知识产权质押, 应收账款, 政策性担保. */
public enum GuaranteeType {
    CREDIT, MORTGAGE, GUARANTEE, IP_PLEDGE, RECEIVABLES, POLICY_GUARANTEE
}
