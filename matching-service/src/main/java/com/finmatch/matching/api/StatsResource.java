package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    public StatsService.Summary statsSummary(@BeanParam @Valid StatsQuery query, @BeanParam @Valid Period period) {
        return query.run(stats, period);
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
        StatsService.Summary summary = query.run(stats, period);
        StringBuilder csv = new StringBuilder(String.join(",", Kpis.CSV_HEADER)).append("\r\n");
        summary.groups().forEach(row -> csv.append(csvLine(row)));
        csv.append(csvLine(summary.total()));
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis.csv\"").build();
    }

    private static String csvLine(Kpis row) {
        return Arrays.stream(row.csvValues()).map(StatsResource::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula is defused. */
    static String csvCell(Object value) {
        return com.finmatch.platform.http.Csv.cell(value);
    }
}
