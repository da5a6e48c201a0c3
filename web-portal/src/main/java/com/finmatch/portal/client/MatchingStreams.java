package com.finmatch.portal.client;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * matching-service's two answers that are not JSON: the KPI export ({@code text/csv}) and the live match feed
 * ({@code text/event-stream}). Their documented operations ({@code exportStats}, {@code streamMatches}) are generated
 * too, but OpenAPI Generator types a body that is not JSON as {@code Object}, which a REST client cannot read as text
 * or as a stream; so these two are declared here with the document's paths and parameters. Every JSON operation of
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
}
