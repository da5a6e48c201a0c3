package com.finmatch.matching.domain.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The engine's numbers as the API and the messages show them: scores and rates are kept in hundredths. */
final class Formats {

    private Formats() {
    }

    static BigDecimal points(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    static BigDecimal rate(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    static int hundredths(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).unscaledValue().intValueExact();
    }

    /** A rate in hundredths as text with at least one decimal: 520 → "5.2", 500 → "5.0", 345 → "3.45". */
    static String percent(int hundredths) {
        BigDecimal v = rate(hundredths).stripTrailingZeros();
        return v.scale() < 1 ? v.setScale(1).toPlainString() : v.toPlainString();
    }

    static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static String range(Object low, Object high) {
        String l = low instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : low == null ? "0" : low.toString();
        String h = high instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : high == null ? "∞" : high.toString();
        return l + "–" + h;
    }
}
