package com.finmatch.portal.admin;

import com.finmatch.portal.client.matching.model.Kpis;
import com.finmatch.portal.client.matching.model.Series;
import com.finmatch.portal.client.matching.model.SeriesPoint;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboard's trend table from matching-service's KPI series: each KPI in the latest period, its change over the
 * period before (环比) and over the same period a year before (同比: the point labelled with the year before, e.g.
 * {@code 2025-11} for {@code 2026-11}, {@code 2025-W48} for {@code 2026-W48}). Counts and amounts change in percent
 * (none when the base is 0), rates in percentage points.
 */
@TemplateData
public record KpiTrend(String current, String previous, String lastYear, List<Line> lines) {

    /** One KPI: its message key, whether it is a rate, the values and the changes (null when not known). */
    @TemplateData
    public record Line(String label, boolean rate, BigDecimal current, BigDecimal previous, BigDecimal change,
            BigDecimal lastYear, BigDecimal yearChange) {
    }

    /** A KPI the trend shows: its message key, whether it is a rate (changes in points) and where its value is. */
    private record Shown(String label, boolean rate, Function<Kpis, Number> value) {
    }

    /** The KPIs the trend shows, in the dashboard's order. */
    private static final List<Shown> SHOWN = List.of(
            new Shown("kpi_enterprises_registered", false, Kpis::getEnterprisesRegistered),
            new Shown("kpi_enterprises_served", false, Kpis::getEnterprisesServed),
            new Shown("kpi_open_needs", false, Kpis::getOpenNeeds),
            new Shown("kpi_matches", false, Kpis::getMatches),
            new Shown("kpi_applications", false, Kpis::getApplications),
            new Shown("kpi_acceptance", true, Kpis::getAcceptanceRate),
            new Shown("kpi_approval", true, Kpis::getApprovalRate),
            new Shown("kpi_amount_approved", false, Kpis::getAmountApproved),
            new Shown("kpi_amount_disbursed", false, Kpis::getAmountDisbursed),
            new Shown("kpi_overdue", false, Kpis::getOverdueLeads),
            new Shown("kpi_rerouted", false, Kpis::getReroutedNeeds),
            new Shown("kpi_rerouted_approved", false, Kpis::getReroutedApproved),
            new Shown("kpi_first_loan", false, Kpis::getFirstLoanEnterprises),
            new Shown("kpi_credit_share", true, Kpis::getCreditLoanShare),
            new Shown("kpi_subsidy", false, Kpis::getSubsidyAnnualAmount));

    static KpiTrend of(Series series) {
        List<SeriesPoint> points = series == null || series.getPoints() == null ? List.of() : series.getPoints();
        if (points.isEmpty()) {
            return new KpiTrend(null, null, null, List.of());
        }
        SeriesPoint current = points.get(points.size() - 1);
        SeriesPoint previous = points.size() > 1 ? points.get(points.size() - 2) : null;
        String yearBefore = yearBefore(current.getLabel());
        SeriesPoint lastYear = points.stream().filter(p -> p.getLabel() != null && p.getLabel().equals(yearBefore))
                .findFirst().orElse(null);
        List<Line> lines = new ArrayList<>();
        for (Shown kpi : SHOWN) {
            BigDecimal now = value(current, kpi.value());
            BigDecimal before = value(previous, kpi.value());
            BigDecimal yearAgo = value(lastYear, kpi.value());
            lines.add(new Line(kpi.label(), kpi.rate(), now, before, change(now, before, kpi.rate()), yearAgo,
                    change(now, yearAgo, kpi.rate())));
        }
        return new KpiTrend(current.getLabel(), previous == null ? null : previous.getLabel(),
                lastYear == null ? null : lastYear.getLabel(), lines);
    }

    /** {@code 2026-11} → {@code 2025-11}; null for a label not starting with a year. */
    static String yearBefore(String label) {
        if (label == null || !label.matches("\\d{4}-.*")) {
            return null;
        }
        return "%04d".formatted(Integer.parseInt(label.substring(0, 4)) - 1) + label.substring(4);
    }

    private static BigDecimal value(SeriesPoint point, Function<Kpis, Number> getter) {
        if (point == null || point.getTotal() == null) {
            return null;
        }
        Number n = getter.apply(point.getTotal());
        return n == null ? BigDecimal.ZERO : new BigDecimal(n.toString());
    }

    /** Rates: the difference in percentage points; else the relative change in percent (null over a base of 0). */
    static BigDecimal change(BigDecimal now, BigDecimal before, boolean rate) {
        if (now == null || before == null) {
            return null;
        }
        if (rate) {
            return now.subtract(before).setScale(2, RoundingMode.HALF_UP);
        }
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }
}
