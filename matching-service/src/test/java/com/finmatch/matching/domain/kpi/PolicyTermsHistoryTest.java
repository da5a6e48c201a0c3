package com.finmatch.matching.domain.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PolicyTermsHistoryTest {

    private static Instant t(String day) {
        return Instant.parse("2026-" + day + "T00:00:00Z");
    }

    private static PolicyTermsHistory.Terms subsidy(String rate, boolean active) {
        return new PolicyTermsHistory.Terms("INTEREST_SUBSIDY", active, new BigDecimal(rate));
    }

    private final PolicyTermsHistory history = new PolicyTermsHistory();

    {
        history.add("S", t("02-01"), subsidy("1.00", true));
        history.add("S", t("05-01"), subsidy("0.50", true));
        history.add("S", t("09-01"), subsidy("0.50", false));
        history.add("R", t("01-01"), new PolicyTermsHistory.Terms("RISK_POOL", true, null));
        history.add("T", t("03-01"), subsidy("0.25", true));
    }

    @Test
    void shouldApplyTheTermsOfTheLastChangeAtOrBeforeTheTime() {
        assertEquals(new BigDecimal("1.00"), history.subsidyRateAt(List.of("S"), t("04-30")));
        assertEquals(new BigDecimal("0.50"), history.subsidyRateAt(List.of("S"), t("05-01")), "changed that instant");
        assertEquals(BigDecimal.ZERO, history.subsidyRateAt(List.of("S"), t("10-01")), "deactivated in September");
    }

    @Test
    void shouldKnowNoTermsBeforeAToolsFirstChange() {
        assertNull(history.at("S", t("01-15")));
        assertEquals(BigDecimal.ZERO, history.subsidyRateAt(List.of("S", "NOPE"), t("01-15")));
    }

    @Test
    void shouldAddTheSubsidiesOfAProductsToolsAndIgnoreOtherKinds() {
        assertEquals(new BigDecimal("1.25"), history.subsidyRateAt(List.of("S", "R", "T"), t("04-01")));
        assertEquals(new BigDecimal("1.00"), history.subsidyRateAt(List.of("S", "R", "T"), t("02-15")),
                "T did not exist yet");
    }
}
