package com.finmatch.portal.admin;

import com.finmatch.portal.client.MatchingStreams;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.matching.api.StatsResourceApi;
import com.finmatch.portal.client.matching.model.Kpis;
import com.finmatch.portal.client.matching.model.Series;
import com.finmatch.portal.client.matching.model.Summary;
import com.finmatch.portal.web.CatalogueResource;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The administrator's KPI dashboard (matching-service's summary: charts and tables, filtered) and its CSV export. */
@Path("/admin")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.FINANCE_BUREAU, CurrentUser.INDUSTRY_BUREAU, CurrentUser.DISTRICT})
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @Inject
    @RestClient
    StatsResourceApi stats;

    @Inject
    @RestClient
    MatchingStreams matchingText;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("admin/dashboard.html")
    Template dashboard;

    /** The filters of a dashboard request (query parameters). */
    public static class Query {
        @QueryParam("groupBy")
        public String groupBy;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("cluster")
        public String cluster;
        @QueryParam("district")
        public String district;
        @QueryParam("bankId")
        public String bankId;
        /** The trend's periods: MONTH (the default) or WEEK. */
        @QueryParam("period")
        public String period;

        String period() {
            return "WEEK".equals(period) ? "WEEK" : "MONTH";
        }

        StatsFilter filter() {
            return StatsFilter.of(groupBy, from, to, cluster, district, bankId);
        }
    }

    @GET
    public TemplateInstance dashboard(@BeanParam Query query) {
        StatsFilter f = query.filter();
        Summary summary = summary(f);
        // the summary's total as its own value: the generated Summary's fluent setter total(Kpis) hides getTotal() from
        // Qute's type check of {s.total.…}
        return dashboard.data("total", summary.getTotal() == null ? new Kpis() : summary.getTotal()).data("f", f).data("banks", CatalogueResource.banksOrNone(bankRegistry))
                .data("groups", summary.getGroups() == null ? List.of() : summary.getGroups())
                .data("trend", KpiTrend.of(series(f, query.period()))).data("period", query.period())
                .data("month", YearMonth.from(end(f)).toString());
    }

    /** The KPI series for the trend charts, as JSON (same origin, the session cookie). */
    @GET
    @Path("trend.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Series trendJson(@BeanParam Query query) {
        return series(query.filter(), query.period());
    }

    /** The summary as an .xlsx workbook (matching-service's, a sheet per grouping). */
    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    public Response exportWorkbook(@BeanParam Query query) {
        StatsFilter f = query.filter();
        byte[] xlsx = matchingText.exportWorkbook(null, f.from(), f.to(), f.cluster(), f.district(), f.bankId());
        return attachment(xlsx, "finmatch-kpis.xlsx");
    }

    /** The monthly report of {@code month} (YYYY-MM) as an .xlsx workbook, filtered as the dashboard is. */
    @GET
    @Path("report.xlsx")
    @Produces(XLSX)
    public Response monthlyReport(@BeanParam Query query, @QueryParam("month") String month) {
        StatsFilter f = query.filter();
        String m = month != null && month.matches("\\d{4}-\\d{2}") ? month : null;
        byte[] xlsx = matchingText.monthlyReport(m, f.cluster(), f.district(), f.bankId());
        return attachment(xlsx, "finmatch-report" + (m == null ? "" : "-" + m) + ".xlsx");
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Response attachment(byte[] body, String fileName) {
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /**
     * The series the trend shows: 13 months (this one and the same month a year before) or 54 weeks, ending with the
     * period of the filter's {@code to} (or today), filtered by cluster, district and bank as the dashboard is.
     */
    private Series series(StatsFilter f, String period) {
        LocalDate end = end(f);
        LocalDate from = "WEEK".equals(period) ? end.minusWeeks(53) : end.minusMonths(12).withDayOfMonth(1);
        return stats.statsSeries(f.bankId(), f.cluster(), f.district(), from.toString(), null, period, f.to());
    }

    /** The last day the dashboard covers: the filter's {@code to}, or today in China. */
    private static LocalDate end(StatsFilter f) {
        return f.to() != null ? LocalDate.parse(f.to()) : LocalDate.now(ZoneOffset.ofHours(8));
    }

    /** The same summary as JSON for the charts (same origin, the session cookie; no token in the browser). */
    @GET
    @Path("stats.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary statsJson(@BeanParam Query query) {
        return summary(query.filter());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Query query) {
        StatsFilter f = query.filter();
        String csv = matchingText.export(f.groupBy(), f.from(), f.to(), f.cluster(), f.district(), f.bankId());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis-" + f.groupBy() + ".csv\"").build();
    }

    private Summary summary(StatsFilter f) {
        return stats.statsSummary(f.bankId(), f.cluster(), f.district(), f.from(), f.groupBy(), f.to());
    }
}
