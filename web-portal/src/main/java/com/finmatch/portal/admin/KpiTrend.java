package com.finmatch.portal.admin;

import com.finmatch.portal.client.matching.model.Kpis;
import com.finmatch.portal.client.matching.model.Series;
import com.finmatch.portal.client.matching.model.SeriesPoint;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The KPIs the trend shows, with their message keys, in the dashboard's order. */
    static final Map<String, Function<Kpis, Number>> KPIS = new LinkedHashMap<>();
    static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final List<String> RATES = List.of("acceptanceRate", "approvalRate", "creditLoanShare");

    static {
        kpi("enterprisesRegistered", "kpi_enterprises_registered", Kpis::getEnterprisesRegistered);
        kpi("enterprisesServed", "kpi_enterprises_served", Kpis::getEnterprisesServed);
        kpi("openNeeds", "kpi_open_needs", Kpis::getOpenNeeds);
        kpi("matches", "kpi_matches", Kpis::getMatches);
        kpi("applications", "kpi_applications", Kpis::getApplications);
        kpi("acceptanceRate", "kpi_acceptance", Kpis::getAcceptanceRate);
        kpi("approvalRate", "kpi_approval", Kpis::getApprovalRate);
        kpi("amountApproved", "kpi_amount_approved", Kpis::getAmountApproved);
        kpi("amountDisbursed", "kpi_amount_disbursed", Kpis::getAmountDisbursed);
        kpi("overdueLeads", "kpi_overdue", Kpis::getOverdueLeads);
        kpi("firstLoanEnterprises", "kpi_first_loan", Kpis::getFirstLoanEnterprises);
        kpi("creditLoanShare", "kpi_credit_share", Kpis::getCreditLoanShare);
        kpi("subsidyAnnualAmount", "kpi_subsidy", Kpis::getSubsidyAnnualAmount);
    }

    private static void kpi(String field, String label, Function<Kpis, Number> getter) {
        KPIS.put(field, getter);
        LABELS.put(field, label);
    }

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
        KPIS.forEach((field, getter) -> {
            boolean rate = RATES.contains(field);
            BigDecimal now = value(current, getter);
            BigDecimal before = value(previous, getter);
            BigDecimal yearAgo = value(lastYear, getter);
            lines.add(new Line(LABELS.get(field), rate, now, before, change(now, before, rate), yearAgo,
                    change(now, yearAgo, rate)));
        });
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
