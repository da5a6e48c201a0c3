package com.finmatch.matching.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiCalculator;
import com.finmatch.matching.domain.kpi.KpiFacts;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.domain.kpi.KpiSeries;
import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.domain.kpi.PolicyTermsHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The administrator's KPIs, computed from the read models. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    /** The KPIs of a period, in total and per group, restricted by the filter (its codes echoed, null = any). */
    public record Summary(@Schema(nullable = true, maxLength = Bounds.INSTANT) Instant from,
            @Schema(nullable = true, maxLength = Bounds.INSTANT) Instant to,
            @Schema(nullable = true, enumeration = {"cluster", "district", "bank", "product"}) String groupBy,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String cluster,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String district,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String bankId,
            BigDecimal lprOneYear, Kpis total, @Size(max = MAX_GROUPS) List<Kpis> groups) {
    }

    /**
     * The KPIs as a series of months or weeks (China's calendar): each point is its period's figures as they stood at
     * the period's end ({@code asOf}; now for the current one), so a past point never changes.
     */
    public record Series(@Schema(enumeration = {"MONTH", "WEEK"}) String period,
            @Schema(nullable = true, enumeration = {"cluster", "district", "bank", "product"}) String groupBy,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String cluster,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String district,
            @Schema(nullable = true) @Size(max = KpiFilter.MAX_LENGTH) String bankId,
            BigDecimal lprOneYear, @Size(max = KpiSeries.MAX_POINTS) List<SeriesPoint> points) {
    }

    /** One period of a series: [start, end), labelled {@code 2026-03} or {@code 2026-W10}. */
    public record SeriesPoint(@Schema(maxLength = 8, pattern = "^\\d{4}-(W)?\\d{2}$") @Size(max = 8) String label,
            @Schema(maxLength = Bounds.INSTANT) Instant start, @Schema(maxLength = Bounds.INSTANT) Instant end,
            @Schema(maxLength = Bounds.INSTANT, description = "the time the figures stand at: the period's end, or now")
            Instant asOf, Kpis total, @Size(max = MAX_GROUPS) List<Kpis> groups) {
    }

    /** The most group rows a summary (and a CSV export, and the scorecards) shows: far more than codes in use. */
    public static final int MAX_GROUPS = 100_000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "finmatch.lpr.one-year", defaultValue = "3.00")
    BigDecimal lpr;

    public Summary summary(GroupBy groupBy, KpiFilter filter, Instant from, Instant to) {
        return summaries(java.util.Collections.singletonList(groupBy), filter, from, to).get(0);
    }

    /** The summaries of one period by each of these groupings ({@code null}: none), from one read of the facts. */
    public List<Summary> summaries(List<GroupBy> groupings, KpiFilter filter, Instant from, Instant to) {
        KpiCalculator calculator = new KpiCalculator(facts(), filter, from, to, clock.instant(), lpr);
        Kpis total = calculator.total();
        return groupings.stream().map(groupBy -> new Summary(from, to,
                groupBy == null ? null : groupBy.name().toLowerCase(java.util.Locale.ROOT), filter.cluster(),
                filter.district(), filter.bankId(), lpr, total,
                groupBy == null ? List.of() : calculator.grouped(groupBy).stream().limit(MAX_GROUPS).toList())).toList();
    }

    /**
     * A monthly report: the trend (the series' totals over {@code trend}, whose last bucket is the report's month) and
     * the month's group rows by each grouping, as the series computes them (the month as it stood at its end).
     */
    public record Report(List<SeriesPoint> trend, Map<GroupBy, List<Kpis>> groups) {
    }

    public Report report(KpiFilter filter, List<KpiSeries.Bucket> trend, List<GroupBy> groupings) {
        PolicyTermsHistory terms = terms();
        KpiFacts facts = facts(terms);
        Instant now = clock.instant();
        List<SeriesPoint> points = KpiSeries.compute(facts, terms::riskPoolExposureAt, filter, null, trend, now, lpr)
                .stream().map(StatsService::point).toList();
        KpiCalculator month = KpiSeries.calculator(facts, terms::riskPoolExposureAt, filter, trend.get(trend.size() - 1),
                now, lpr);
        Map<GroupBy, List<Kpis>> groups = new java.util.EnumMap<>(GroupBy.class);
        for (GroupBy groupBy : groupings) {
            groups.put(groupBy, month.grouped(groupBy));
        }
        return new Report(points, groups);
    }

    private static SeriesPoint point(KpiSeries.Point p) {
        return new SeriesPoint(p.bucket().label(), p.bucket().start(), p.bucket().end(), p.asOf(), p.total(),
                p.groups().stream().limit(MAX_GROUPS).toList());
    }

    /** The series of {@code buckets} (see {@link KpiSeries#buckets}), grouped by {@code groupBy} when not null. */
    public Series series(KpiSeries.Step step, GroupBy groupBy, KpiFilter filter, List<KpiSeries.Bucket> buckets) {
        PolicyTermsHistory terms = terms();
        List<SeriesPoint> points = KpiSeries.compute(facts(terms), terms::riskPoolExposureAt, filter, groupBy, buckets,
                clock.instant(), lpr).stream().map(StatsService::point).toList();
        return new Series(step.name(), groupBy == null ? null : groupBy.name().toLowerCase(java.util.Locale.ROOT),
                filter.cluster(), filter.district(), filter.bankId(), lpr, points);
    }

    /** The series' periods: see {@link KpiSeries#buckets}; a series too long is an IllegalArgumentException. */
    public List<KpiSeries.Bucket> buckets(KpiSeries.Step step, Instant from, Instant to) {
        return KpiSeries.buckets(step, from, to, clock.instant());
    }

    KpiFacts facts() {
        return facts(terms());
    }

    private PolicyTermsHistory terms() {
        PolicyTermsHistory terms = new PolicyTermsHistory();
        for (Object[] r : rows("select tool_id, changed_at, kind, active, subsidy_rate, payload from policy_tool_terms")) {
            JsonNode exposure = read((String) r[5]).path("exposureUsed");
            terms.add(str(r[0]), time(r[1]), new PolicyTermsHistory.Terms(str(r[2]), Boolean.TRUE.equals(r[3]),
                    (BigDecimal) r[4], exposure.isNumber() ? exposure.decimalValue() : null));
        }
        return terms;
    }

    private KpiFacts facts(PolicyTermsHistory terms) {
        List<KpiFacts.EnterpriseFact> enterprises = new ArrayList<>();
        for (Object[] r : rows("select id, cluster_code, district_code, registered_at from enterprise_rm")) {
            enterprises.add(new KpiFacts.EnterpriseFact(str(r[0]), str(r[1]), str(r[2]), time(r[3])));
        }
        List<KpiFacts.NeedFact> needs = new ArrayList<>();
        for (Object[] r : rows("select id, enterprise_id, status, opened_at, closed_at from need_rm")) {
            needs.add(new KpiFacts.NeedFact(str(r[0]), str(r[1]), "OPEN".equals(r[2]), time(r[3]), time(r[4])));
        }
        List<KpiFacts.MatchFact> matches = new ArrayList<>();
        for (Object[] r : rows("select need_id, enterprise_id, product_id, bank_id, min(made_at) from match_made"
                + " group by need_id, enterprise_id, product_id, bank_id")) {
            matches.add(new KpiFacts.MatchFact(str(r[0]), str(r[1]), str(r[2]), str(r[3]), time(r[4])));
        }
        BigDecimal exposure = BigDecimal.ZERO;
        for (Object[] r : rows("select id, kind, active, payload from policy_tool_rm")) {
            JsonNode tool = read((String) r[3]);
            if (Boolean.TRUE.equals(r[2]) && "RISK_POOL".equals(r[1]) && tool.path("exposureUsed").isNumber()) {
                exposure = exposure.add(tool.path("exposureUsed").decimalValue());
            }
        }
        Map<String, String> typeOfProduct = new HashMap<>();
        Map<String, List<String>> toolsOfProduct = new HashMap<>();
        for (Object[] r : rows("select id, type, payload from product_rm")) {
            typeOfProduct.put(str(r[0]), str(r[1]));
            List<String> tools = new ArrayList<>();
            read((String) r[2]).path("policyToolIds").forEach(toolId -> tools.add(toolId.asText()));
            toolsOfProduct.put(str(r[0]), tools);
        }
        List<KpiFacts.ApplicationFact> applications = new ArrayList<>();
        for (Object[] r : rows("select id, enterprise_id, product_id, bank_id, submitted_at, first_action_at,"
                + " accepted_at, approved_at, approved_amount, approved_rate, declined_at, disbursed_at,"
                + " disbursed_amount, due_at, overdue, withdrawn_at, response_working_hours, overdue_at, need_id"
                + " from application_rm")) {
            String productId = str(r[2]);
            Instant disbursedAt = time(r[11]);
            BigDecimal subsidyRate = disbursedAt == null ? null
                    : terms.subsidyRateAt(toolsOfProduct.getOrDefault(productId, List.of()), disbursedAt);
            applications.add(new KpiFacts.ApplicationFact(str(r[0]), str(r[1]), str(r[18]), productId, str(r[3]),
                    typeOfProduct.get(productId), subsidyRate, time(r[4]), time(r[5]), time(r[6]), time(r[7]),
                    (BigDecimal) r[8], (BigDecimal) r[9], time(r[10]), disbursedAt, (BigDecimal) r[12], time(r[13]),
                    Boolean.TRUE.equals(r[14]), time(r[15]), (BigDecimal) r[16], time(r[17])));
        }
        return new KpiFacts(enterprises, needs, matches, applications, exposure);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable read-model payload", e);
        }
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static Instant time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }
}
