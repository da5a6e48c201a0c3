package com.finmatch.matching.domain.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The periods of a KPI series in China's calendar, and a point computed from the facts known at its end. */
class KpiSeriesPeriodsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z"); // 2026-12-01 04:00 in China

    private static List<String> labels(List<KpiSeries.Bucket> buckets) {
        return buckets.stream().map(KpiSeries.Bucket::label).toList();
    }

    @Test
    void shouldEndWithTheCurrentPeriodInChinaAndDefaultToTwelve() {
        List<KpiSeries.Bucket> months = KpiSeries.buckets(KpiSeries.Step.MONTH, null, null, NOW);
        assertEquals(12, months.size());
        assertEquals("2026-01", months.get(0).label());
        assertEquals("2026-12", months.get(11).label());
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), months.get(11).start());
    }

    @Test
    void shouldLabelIsoWeeksByTheirWeekBasedYear() {
        List<KpiSeries.Bucket> weeks = KpiSeries.buckets(KpiSeries.Step.WEEK, Instant.parse("2026-12-27T00:00:00Z"),
                Instant.parse("2027-01-05T00:00:00Z"), NOW);
        assertEquals(List.of("2026-W52", "2026-W53", "2027-W01"), labels(weeks));
        assertEquals(Instant.parse("2026-12-20T16:00:00Z"), weeks.get(0).start()); // Monday 2026-12-21 in China
    }

    @Test
    void shouldRefuseMoreThanTheLongestSeriesAndStopAtTheLastDayOfYear9999() {
        assertThrows(KpiSeries.TooLongException.class, () -> KpiSeries.buckets(KpiSeries.Step.WEEK,
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), NOW));
        List<KpiSeries.Bucket> last = KpiSeries.buckets(KpiSeries.Step.MONTH, Instant.parse("9999-11-01T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), NOW);
        assertEquals(List.of("9999-11", "9999-12"), labels(last));
    }

    @Test
    void shouldCountALeadDecidedAfterThePeriodAsUndecidedInIt() {
        KpiFacts.ApplicationFact lead = new KpiFacts.ApplicationFact("A", "E", "N", "P", "B", "CREDIT_LOAN",
                BigDecimal.ZERO,
                Instant.parse("2026-01-10T02:00:00Z"), Instant.parse("2026-02-03T02:00:00Z"),
                Instant.parse("2026-02-03T02:00:00Z"), Instant.parse("2026-02-05T02:00:00Z"), new BigDecimal("100000"),
                new BigDecimal("3.50"), null, null, null, Instant.parse("2026-01-12T02:00:00Z"), true, null,
                new BigDecimal("40"), Instant.parse("2026-01-13T02:00:00Z"));
        KpiFacts facts = new KpiFacts(List.of(), List.of(), List.of(), List.of(lead), BigDecimal.ZERO);
        List<KpiSeries.Bucket> q = KpiSeries.buckets(KpiSeries.Step.MONTH, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-28T00:00:00Z"), NOW);
        List<KpiSeries.Point> points = KpiSeries.compute(facts, t -> BigDecimal.ZERO, KpiFilter.NONE, null, q, NOW,
                new BigDecimal("3.00"));
        Kpis january = points.get(0).total();
        assertEquals(1, january.applications());
        assertEquals(new BigDecimal("0.00"), january.acceptanceRate()); // received only in February
        assertEquals(new BigDecimal("0.00"), january.approvalRate()); // undecided at the end of January
        assertEquals(new BigDecimal("0.00"), january.medianResponseHours());
        assertEquals(1, january.overdueLeads()); // escalated on 13 January
        assertEquals(new BigDecimal("100000.00"), points.get(1).total().amountApproved());
        assertEquals(q.get(0).end(), points.get(0).asOf());
    }
}
