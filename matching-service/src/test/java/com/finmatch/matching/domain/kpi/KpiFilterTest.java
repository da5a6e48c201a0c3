package com.finmatch.matching.domain.kpi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiFilterTest {

    @Test
    void shouldTrimCodesAndTreatAbsentOnesAsAny() {
        KpiFilter filter = new KpiFilter(" NEV ", null, "ZQRCB");
        assertEquals("NEV", filter.cluster());
        assertEquals(null, filter.district());
        assertEquals("ZQRCB", filter.bankId());
        assertTrue(new KpiFilter(null, null, null).isEmpty());
        assertEquals(KpiFilter.NONE, new KpiFilter(null, null, null));
    }

    @Test
    void shouldRejectABlankCodeNamingTheParameter() {
        KpiFilter.InvalidFilterException e = assertThrows(KpiFilter.InvalidFilterException.class,
                () -> new KpiFilter("NEV", "  ", null));
        assertEquals("district", e.parameter());
        assertEquals("bankId", assertThrows(KpiFilter.InvalidFilterException.class,
                () -> new KpiFilter(null, null, "")).parameter());
    }

    @Test
    void shouldAcceptSixtyFourCharactersAndRejectSixtyFive() {
        assertEquals(64, new KpiFilter("x".repeat(64), null, null).cluster().length());
        KpiFilter.InvalidFilterException e = assertThrows(KpiFilter.InvalidFilterException.class,
                () -> new KpiFilter("x".repeat(65), null, null));
        assertEquals("cluster", e.parameter());
        assertEquals("must be at most 64 characters", e.getMessage());
    }
}
