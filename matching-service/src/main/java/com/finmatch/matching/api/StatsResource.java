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
import jakarta.validation.constraints.Size;
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

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The administrator's KPIs: as JSON and as CSV. */
@Path("/api/v1/stats")
@RolesAllowed(Caller.ADMIN)
public class StatsResource {

    /** The longest {@code from} or {@code to} accepted: an ISO-8601 time with nanoseconds and offset is 35. */
    static final int MAX_TIME = 64;
    static final String TIME_LENGTH = "must be at most " + MAX_TIME + " characters";
    static final String CODE_LENGTH = "must be at most " + KpiFilter.MAX_LENGTH + " characters";

    @Inject
    StatsService stats;

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public StatsService.Summary statsSummary(
            @QueryParam("groupBy") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"cluster", "district", "bank", "product"}))
            String groupBy,
            @QueryParam("from") @Size(max = MAX_TIME, message = TIME_LENGTH) String from,
            @QueryParam("to") @Size(max = MAX_TIME, message = TIME_LENGTH) String to,
            @QueryParam("cluster") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String cluster,
            @QueryParam("district") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String district,
            @QueryParam("bankId") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String bankId) {
        return query(groupBy, from, to, cluster, district, bankId);
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
    public Response exportStats(
            @QueryParam("groupBy") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"cluster", "district", "bank", "product"}))
            String groupBy,
            @QueryParam("from") @Size(max = MAX_TIME, message = TIME_LENGTH) String from,
            @QueryParam("to") @Size(max = MAX_TIME, message = TIME_LENGTH) String to,
            @QueryParam("cluster") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String cluster,
            @QueryParam("district") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String district,
            @QueryParam("bankId") @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH) String bankId) {
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
