package com.finmatch.portal.client;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** matching-service (CONTRACT.md): recommendations, matches and their live feed, KPIs, scorecards. */
@RegisterRestClient(configKey = "matching")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface MatchingClient {

    @GET
    @Path("/recommendations/me")
    Object myRecommendations();

    @GET
    @Path("/matches")
    Object matches(@QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("bankId") String bankId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/matches/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> matchStream();

    @GET
    @Path("/stats/summary")
    Object summary(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("bankId") String bankId);

    @GET
    @Path("/stats/export")
    @Produces("text/csv")
    String export(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("bankId") String bankId);

    @GET
    @Path("/scorecards/banks")
    Object bankScorecards(@QueryParam("page") int page, @QueryParam("size") int size);

    /** The calling bank's own scorecard (its {@code bank_id}); period from/to optional. */
    @GET
    @Path("/scorecards/banks/me")
    Map<String, Object> myScorecard(@QueryParam("from") String from, @QueryParam("to") String to);

    @POST
    @Path("/admin/rematch")
    Map<String, Object> rematch();
}
