package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiSeries;
import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The administrator's KPIs: as JSON, CSV and .xlsx, as a series of months or weeks, and the monthly report. The city's
 * two bureaus report on them too (the whole city); a district government gets them for its own district only
 * ({@link StatsQuery#confinedTo}).
 */
@Path("/api/v1/stats")
@RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU, Caller.INDUSTRY_BUREAU, Caller.DISTRICT})
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    Clock clock;

    @Inject
    EnterpriseAccess access;

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public StatsService.Summary statsSummary(@BeanParam @Valid StatsQuery query, @BeanParam @Valid Period period) {
        return query.confinedTo(access.districtScope()).run(stats, period);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "The summary's rows as CSV (RFC 4180, UTF-8, CRLF): a header "
            + "row of the KPI names, one row per group, the total (`TOTAL`) last; sent as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"finmatch-kpis.csv\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = "text/csv", schema = @Schema(
                    description = "RFC 4180 CSV; columns: group, then the fields of Kpis in their order")))
    public Response exportStats(@BeanParam @Valid StatsQuery query, @BeanParam @Valid Period period) {
        StatsService.Summary summary = query.confinedTo(access.districtScope()).run(stats, period);
        StringBuilder csv = new StringBuilder(String.join(",", Kpis.CSV_HEADER)).append("\r\n");
        summary.groups().forEach(row -> csv.append(csvLine(row)));
        csv.append(csvLine(summary.total()));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis.csv\"").build();
    }

    @GET
    @Path("/export/xlsx")
    @Produces(KpiWorkbook.MEDIA_TYPE)
    @APIResponse(responseCode = "200", description = "The summary as an .xlsx workbook (Office Open XML), streamed: "
            + "a sheet `合计` with the total, then one sheet per grouping (`按产业集群`, `按区县`, `按银行`, `按产品`; "
            + "only `groupBy`'s when given) with the rows of the CSV export of that grouping; a frozen header row of "
            + "the Chinese KPI names, the group code as text, every KPI a number cell with its number format; sent as "
            + "an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"finmatch-kpis.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = KpiWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary", maxLength = Integer.MAX_VALUE)))
    public Response exportStatsWorkbook(@BeanParam @Valid StatsQuery query, @BeanParam @Valid Period period) {
        query.confinedTo(access.districtScope());
        List<StatsService.Summary> summaries = stats.summaries(query.groupings(), query.filter(), period.start(),
                period.end());
        KpiWorkbook workbook = new KpiWorkbook().total(summaries.get(0).total());
        for (StatsService.Summary summary : summaries) {
            workbook.grouping(GroupBy.parse(summary.groupBy()), summary.groups(), summary.total());
        }
        return attachment(workbook, "finmatch-kpis.xlsx");
    }

    @GET
    @Path("/series")
    @Produces(MediaType.APPLICATION_JSON)
    public StatsService.Series statsSeries(@BeanParam @Valid StatsQuery query, @BeanParam @Valid Period period,
            @QueryParam("period") @Parameter(description = "months (the default) or ISO weeks, China's calendar",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"MONTH", "WEEK"})) String step) {
        return query.confinedTo(access.districtScope()).series(stats, period, step);
    }

    @GET
    @Path("/report")
    @Produces(KpiWorkbook.MEDIA_TYPE)
    @APIResponse(responseCode = "200", description = "The monthly report of `month` as an .xlsx workbook: `合计` "
            + "(the month's KPIs), one sheet per grouping (the month's rows; only `groupBy`'s when given) and `趋势` "
            + "(the month and the 12 before it, a row each) — every figure as the series has it, the period as it "
            + "stood at its end, so a report downloaded again later shows the same figures; sent as an attachment",
            headers = @Header(name = "Content-Disposition",
                    description = "attachment; filename=\"finmatch-report-YYYY-MM.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = KpiWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary", maxLength = Integer.MAX_VALUE)))
    public Response monthlyReport(@BeanParam @Valid StatsQuery query,
            @QueryParam("month") @Size(max = 7, message = "must be a month as YYYY-MM")
            @Parameter(description = "YYYY-MM, China's calendar; the current month when absent",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern = "^\\d{4}-\\d{2}$"))
            String month) {
        query.confinedTo(access.districtScope());
        YearMonth chosen = month(month);
        List<KpiSeries.Bucket> trend = StatsQuery.buckets(stats, KpiSeries.Step.MONTH,
                chosen.minusMonths(12).atDay(1).atStartOfDay().toInstant(PlatformClock.CHINA),
                chosen.plusMonths(1).atDay(1).atStartOfDay().toInstant(PlatformClock.CHINA));
        StatsService.Report report = stats.report(query.filter(), trend, query.groupings());
        List<StatsService.SeriesPoint> points = report.trend();
        KpiWorkbook workbook = new KpiWorkbook().total(points.get(points.size() - 1).total());
        report.groups().forEach((groupBy, rows) -> workbook.grouping(groupBy, rows, points.get(points.size() - 1).total()));
        workbook.trend(points.stream().map(StatsService.SeriesPoint::label).toList(),
                points.stream().map(StatsService.SeriesPoint::total).toList());
        return attachment(workbook, "finmatch-report-" + chosen + ".xlsx");
    }

    /** {@code YYYY-MM} (years 1–9999), or the current month in China when absent; anything else is a 400. */
    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(PlatformClock.CHINA));
        }
        if (!month.trim().matches("\\d{4}-\\d{2}")) {
            throw ProblemException.invalid("month", "must be a month as YYYY-MM");
        }
        try {
            YearMonth parsed = YearMonth.parse(month.trim());
            if (parsed.getYear() < InputBounds.MIN_YEAR) {
                throw ProblemException.invalid("month", InputBounds.YEAR_RANGE);
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month as YYYY-MM");
        }
    }

    private static Response attachment(KpiWorkbook workbook, String fileName) {
        return Response.ok(workbook.body(), KpiWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String csvLine(Kpis row) {
        return Arrays.stream(row.csvValues()).map(StatsResource::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula is defused. */
    static String csvCell(Object value) {
        return com.finmatch.platform.http.Csv.cell(value);
    }
}
