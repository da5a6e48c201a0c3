package com.finmatch.portal.client;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * matching-service's answers that are not JSON: the KPI export ({@code text/csv}), its .xlsx workbooks (the summary and
 * the monthly report) and the live match feed ({@code text/event-stream}). Their documented operations
 * ({@code exportStats}, {@code exportStatsWorkbook}, {@code monthlyReport}, {@code streamMatches}) are generated too,
 * but OpenAPI Generator types a body that is not JSON as {@code Object} or a {@code File}, which a REST client cannot
 * read as text, bytes or a stream; so these are declared here with the document's paths and parameters. Every JSON operation of
 * matching-service is called through the generated {@code matching.api} clients.
 */
@RegisterRestClient(configKey = "matching")
@Path("/api/v1")
public interface MatchingStreams {

    @GET
    @Path("/matches/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> matchStream();

    @GET
    @Path("/stats/export")
    @Produces("text/csv")
    String export(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("bankId") String bankId);

    /** {@code exportStatsWorkbook}: the summary as an .xlsx workbook. */
    @GET
    @Path("/stats/export/xlsx")
    @Produces(XLSX)
    byte[] exportWorkbook(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("bankId") String bankId);

    /** {@code monthlyReport}: the monthly report workbook of {@code month} (YYYY-MM; null: this month). */
    @GET
    @Path("/stats/report")
    @Produces(XLSX)
    byte[] monthlyReport(@QueryParam("month") String month, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId);

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
