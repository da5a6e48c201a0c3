package com.finmatch.loan.domain;

import com.fasterxml.jackson.annotation.JsonAlias;

/** The kinds of government policy tool behind loan products. */
public enum PolicyToolKind {
    /** 风险补偿资金池: the government covers a share of the bank's losses, up to the pool's size. */
    @JsonAlias("RISK_COMPENSATION_POOL")
    RISK_POOL,
    /** 贴息: the government pays part of the interest (percentage points), up to a cap per enterprise. */
    INTEREST_SUBSIDY,
    /** 政策性担保: a government financing-guarantee institution guarantees the loan. */
    GOVERNMENT_GUARANTEE
}
