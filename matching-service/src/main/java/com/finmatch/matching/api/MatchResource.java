package com.finmatch.matching.api;

import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.matching.service.MatchFeed;
import com.finmatch.matching.service.MatchQueryService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;

/**
 * Matches for the administrator (all), districts (their district's enterprises) and banks (own products, consented
 * enterprises); the live feed.
 */
@Path("/api/v1/matches")
public class MatchResource {

    @Inject
    MatchQueryService matches;

    @Inject
    EnterpriseAccess access;

    @Inject
    MatchFeed feed;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @AuditedRead
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.BANK, Caller.DISTRICT})
    public PageResponse<MatchQueryService.MatchView> listMatches(
            @QueryParam("cluster") @Size(max = 60, message = "must be at most 60 characters") String cluster,
            @QueryParam("district") @Size(max = 40, message = "must be at most 40 characters") String district,
            @QueryParam("bankId") @Size(max = 60, message = "must be at most 60 characters") String bankId,
            @BeanParam @Valid Period period,
            @BeanParam @Valid PageRequest page) {
        return matches.list(new MatchQueryService.Filter(blankToNull(cluster), blankToNull(district),
                blankToNull(bankId), period.start(),
                period.end(), access.bankScope(), access.districtScope().orElse(null)), page);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @APIResponse(responseCode = "200", description = "Server-Sent Events (text/event-stream) until the client leaves "
            + "or the token that opened it expires: each event's `data` is one MatchEvent as JSON "
            + "(components/schemas/MatchEvent), sent after its change was committed; nothing is replayed on connecting",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    description = "an endless text/event-stream; each event's data is a MatchEvent (JSON)",
                    contentMediaType = MediaType.APPLICATION_JSON,
                    contentSchema = MatchFeed.MatchEvent.class)))
    public Multi<MatchFeed.MatchEvent> streamMatches() {
        // the token's expiry is checked against the system clock, as the OIDC layer checks it
        return feed.stream(caller.subject(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    /** 429 problem+json: the user holds as many live feeds as allowed; a feed may close within the minute. */
    @ServerExceptionMapper
    public Response tooManyStreams(MatchFeed.TooManyStreams e) {
        return Response.status(429).header("Retry-After", "30").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(429, "Too many requests", e.getMessage())).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
