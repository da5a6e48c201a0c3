package com.finmatch.loan.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money with 2 decimals and rates with 4, as the database stores them, so answers look the same before and after. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
    }
}
