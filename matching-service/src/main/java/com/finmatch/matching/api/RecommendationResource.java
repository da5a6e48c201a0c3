package com.finmatch.matching.api;

import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.matching.service.RecommendationService;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Ranked, explained recommendations per open need, with near misses and IPO-training offers. */
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    @Inject
    RecommendationService recommendations;

    @Inject
    EnterpriseAccess access;

    @GET
    @Path("/me")
    @RolesAllowed(Caller.ENTERPRISE)
    public RecommendationService.EnterpriseRecommendations mine() {
        return recommendations.of(access.ownEnterprise());
    }

    @GET
    @Path("/enterprises/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.BANK})
    public RecommendationService.EnterpriseRecommendations ofEnterprise(@PathParam("id") String id) {
        return recommendations.of(access.readableRecommendations(id));
    }
}
