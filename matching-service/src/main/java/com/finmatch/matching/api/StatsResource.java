package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The administrator's KPIs: as JSON and as CSV. */
@Path("/api/v1/stats")
@RolesAllowed(Caller.ADMIN)
public class StatsResource {

    @Inject
    StatsService stats;

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public StatsService.Summary summary(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId) {
        return query(groupBy, from, to, cluster, district, bankId);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId) {
        StatsService.Summary summary = query(groupBy, from, to, cluster, district, bankId);
        StringBuilder csv = new StringBuilder(String.join(",", Kpis.CSV_HEADER)).append("\r\n");
        summary.groups().forEach(row -> csv.append(csvLine(row)));
        csv.append(csvLine(summary.total()));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis.csv\"").build();
    }

    private StatsService.Summary query(String groupBy, String from, String to, String cluster, String district,
            String bankId) {
        GroupBy dimension;
        try {
            dimension = GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be one of cluster, district, bank, product");
        }
        KpiFilter filter = filter(cluster, district, bankId);
        Instant start = InputBounds.instant("from", from, false);
        Instant end = InputBounds.instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return stats.summary(dimension, filter, start, end);
    }

    /** The filter of the request; an empty value ({@code ?cluster=}) is absent, as for every other parameter. */
    private static KpiFilter filter(String cluster, String district, String bankId) {
        try {
            return new KpiFilter(cluster, district, bankId);
        } catch (KpiFilter.InvalidFilterException e) {
            throw ProblemException.invalid(e.parameter(), e.getMessage());
        }
    }

    private static String csvLine(Kpis row) {
        return Arrays.stream(row.csvValues()).map(StatsResource::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula is defused. */
    static String csvCell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!(value instanceof Number) && s.length() > 1 && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
