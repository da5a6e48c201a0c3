package com.finmatch.matching.api;

import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.matching.service.MatchFeed;
import com.finmatch.matching.service.MatchQueryService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import io.smallrye.mutiny.Multi;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Matches for administrators (all) and banks (own products, consented enterprises); the live feed. */
@Path("/api/v1/matches")
public class MatchResource {

    @Inject
    MatchQueryService matches;

    @Inject
    EnterpriseAccess access;

    @Inject
    MatchFeed feed;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.BANK})
    public PageResponse<MatchQueryService.MatchView> listMatches(
            @QueryParam("cluster") @Size(max = 60, message = "must be at most 60 characters") String cluster,
            @QueryParam("district") @Size(max = 40, message = "must be at most 40 characters") String district,
            @QueryParam("bankId") @Size(max = 60, message = "must be at most 60 characters") String bankId,
            @QueryParam("from") @Size(max = StatsResource.MAX_TIME, message = StatsResource.TIME_LENGTH) String from,
            @QueryParam("to") @Size(max = StatsResource.MAX_TIME, message = StatsResource.TIME_LENGTH) String to,
            @BeanParam @Valid PageRequest page) {
        return matches.list(new MatchQueryService.Filter(blankToNull(cluster), blankToNull(district),
                blankToNull(bankId), StatsResource.Times.parse("from", from, false),
                StatsResource.Times.parse("to", to, true), access.bankScope()), page);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @APIResponse(responseCode = "200", description = "Server-Sent Events (text/event-stream) until the client leaves: "
            + "each event's `data` is one MatchEvent as JSON (components/schemas/MatchEvent), sent after its change "
            + "was committed; nothing is replayed on connecting",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    description = "an endless text/event-stream; each event's data is a MatchEvent (JSON)",
                    contentMediaType = MediaType.APPLICATION_JSON,
                    contentSchema = MatchFeed.MatchEvent.class)))
    public Multi<MatchFeed.MatchEvent> streamMatches() {
        return feed.stream();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
