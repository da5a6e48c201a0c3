package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ReferenceDataService;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Reference data for forms, readable without a token (whole lists by default); administrators add clusters. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    ReferenceDataService reference;

    @GET
    @Path("/districts")
    @PermitAll
    public PageResponse<ReferenceItem> districts(
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(200) int size) {
        return reference.districts(page, size);
    }

    @GET
    @Path("/clusters")
    @PermitAll
    public PageResponse<ReferenceItem> clusters(
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(200) int size) {
        return reference.clusters(page, size);
    }

    @POST
    @Path("/clusters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Response addCluster(@NotNull @Valid ClusterRequest body) {
        ReferenceItem added = reference.addCluster(body);
        return Response.created(URI.create("/api/v1/reference/clusters/" + added.code())).entity(added).build();
    }

    @GET
    @Path("/industries")
    @PermitAll
    public PageResponse<ReferenceItem> industries(
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(200) int size) {
        return reference.industries(page, size);
    }

    @GET
    @Path("/tags")
    @PermitAll
    public List<ReferenceItem> tags() {
        return reference.tags();
    }
}
