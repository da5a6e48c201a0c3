package com.finmatch.matching.api;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.matching.service.RecommendationService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Ranked, explained recommendations per open need, with near misses and IPO-training offers. */
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class RecommendationResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    EnterpriseAccess access;

    @GET
    @Path("/me")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "The recommendations of the caller's enterprise")
    @APIResponse(responseCode = "404", description = "The caller has registered no enterprise yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RecommendationService.EnterpriseRecommendations myRecommendations() {
        return recommendations.of(access.ownEnterprise());
    }

    @GET
    @Path("/enterprises/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.BANK, Caller.DISTRICT})
    @APIResponse(responseCode = "200", description = "The recommendations of the enterprise")
    @APIResponse(responseCode = "404", description = "No such enterprise, or the caller is neither its owner nor an "
            + "administrator (the same answer)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RecommendationService.EnterpriseRecommendations enterpriseRecommendations(@PathParam("id")
            @Size(max = Bounds.ID, message = "must be at most " + Bounds.ID + " characters") String id) {
        return recommendations.of(access.readableRecommendations(id));
    }
}
