package com.finmatch.loan.domain;

/** The published list of coded reasons a bank may give for declining (docs/EVENTS.md). */
public enum DeclineReason {
    INSUFFICIENT_REVENUE("营业收入不足", "Insufficient revenue"),
    INSUFFICIENT_COLLATERAL("抵押担保不足", "Insufficient collateral"),
    CREDIT_HISTORY("信用记录不良", "Credit history"),
    INDUSTRY_POLICY("行业政策限制", "Industry policy"),
    INCOMPLETE_MATERIALS("材料不齐全", "Incomplete materials"),
    OTHER("其他（见说明）", "Other (see note)");

    public final String zh;
    public final String en;

    DeclineReason(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** OTHER must be explained in a note. */
    public boolean requiresNote() {
        return this == OTHER;
    }
}
