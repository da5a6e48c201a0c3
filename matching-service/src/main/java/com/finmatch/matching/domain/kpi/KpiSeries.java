package com.finmatch.matching.domain.kpi;

import com.finmatch.platform.time.PlatformClock;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The KPIs as a series of calendar months or ISO weeks (China's calendar, UTC+8, as the platform's). Each point is
 * the period's KPIs as they stood at its end — computed by {@link KpiCalculator} over the facts known then
 * ({@link KpiFacts#asOf}) — so a past period's figures never change when later events arrive; the current period is
 * as it stands now.
 */
public final class KpiSeries {

    /** The longest series served: about five years of weeks, twenty of months. */
    public static final int MAX_POINTS = 260;
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** The length of a period. */
    public enum Step {
        MONTH, WEEK;

        /** {@code MONTH} (also when absent) or {@code WEEK}, any case; anything else is an IllegalArgumentException. */
        public static Step parse(String value) {
            return value == null || value.isBlank() ? MONTH : valueOf(value.trim().toUpperCase(Locale.ROOT));
        }

        LocalDate startOf(LocalDate day) {
            return this == MONTH ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        LocalDate next(LocalDate start) {
            return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
        }

        String label(LocalDate start) {
            return this == MONTH ? "%04d-%02d".formatted(start.getYear(), start.getMonthValue())
                    : "%04d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** One period [start, end) and its label ({@code 2026-03}, {@code 2026-W10}). */
    public record Bucket(String label, Instant start, Instant end) {
    }

    /** One point: the period, the time its figures stand at (its end, or now), the total and the group rows. */
    public record Point(Bucket bucket, Instant asOf, Kpis total, List<Kpis> groups) {
    }

    /** Thrown when a series would have more than {@link #MAX_POINTS} points. */
    public static final class TooLongException extends IllegalArgumentException {
        TooLongException() {
            super("the series would have more than " + MAX_POINTS + " periods");
        }
    }

    private KpiSeries() {
    }

    /**
     * The periods from the one containing {@code from} to the one containing the last instant before {@code to}; with
     * {@code from} absent, the 12 periods up to {@code to}; with {@code to} absent, up to the current period.
     */
    public static List<Bucket> buckets(Step step, Instant from, Instant to, Instant now) {
        LocalDate lastDay = day(to == null ? now : to.minusNanos(1));
        if (lastDay.isAfter(LAST_DAY)) {
            lastDay = LAST_DAY; // the end of 9999-12-31 UTC is already 10000-01-01 in China; labels stay 4-digit years
        }
        LocalDate last = step.startOf(lastDay);
        LocalDate first = from != null ? step.startOf(day(from))
                : step == Step.MONTH ? last.minusMonths(11) : last.minusWeeks(11);
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = step.next(start)) {
            if (buckets.size() == MAX_POINTS) {
                throw new TooLongException();
            }
            buckets.add(new Bucket(step.label(start), instant(start), instant(step.next(start))));
        }
        return buckets;
    }

    /** The points of the buckets; {@code riskPoolExposureAt} gives the risk pools' exposure at a time. */
    public static List<Point> compute(KpiFacts facts, Function<Instant, BigDecimal> riskPoolExposureAt,
            KpiFilter filter, GroupBy groupBy, List<Bucket> buckets, Instant now, BigDecimal lprOneYear) {
        List<Point> points = new ArrayList<>();
        for (Bucket b : buckets) {
            KpiCalculator calculator = calculator(facts, riskPoolExposureAt, filter, b, now, lprOneYear);
            points.add(new Point(b, asOf(b, now), calculator.total(),
                    groupBy == null ? List.of() : calculator.grouped(groupBy)));
        }
        return points;
    }

    /** The KPIs of one bucket as they stood at its end (or now, for the running one), to total or group. */
    public static KpiCalculator calculator(KpiFacts facts, Function<Instant, BigDecimal> riskPoolExposureAt,
            KpiFilter filter, Bucket bucket, Instant now, BigDecimal lprOneYear) {
        Instant asOf = asOf(bucket, now);
        KpiFacts known = facts.asOf(asOf, riskPoolExposureAt.apply(asOf.minusNanos(1)));
        return new KpiCalculator(known, filter, bucket.start(), bucket.end(), asOf, lprOneYear);
    }

    private static Instant asOf(Bucket bucket, Instant now) {
        return bucket.end().isAfter(now) ? now : bucket.end();
    }

    private static LocalDate day(Instant t) {
        return t.atOffset(PlatformClock.CHINA).toLocalDate();
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay().toInstant(PlatformClock.CHINA);
    }
}
