package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.FinancingNeedService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** An enterprise's financing needs: its owner opens and withdraws them; the owner and administrators list them. */
@Path("/api/v1/enterprises/{id}/financing-needs")
@Produces(MediaType.APPLICATION_JSON)
public class FinancingNeedResource {

    @Inject
    FinancingNeedService needs;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@PathParam("id") UUID id, @NotNull @Valid FinancingNeedRequest body) {
        FinancingNeedView opened = needs.open(id, body);
        return Response.created(URI.create("/api/v1/enterprises/" + id + "/financing-needs/" + opened.id()))
                .entity(opened).build();
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public PageResponse<FinancingNeedView> list(@PathParam("id") UUID id, @QueryParam("status") String status,
            @BeanParam @Valid PageRequest page) {
        return needs.list(id, status, page);
    }

    @GET
    @Path("/{needId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public FinancingNeedView get(@PathParam("id") UUID id, @PathParam("needId") UUID needId) {
        return needs.get(id, needId);
    }

    @POST
    @Path("/{needId}/withdraw")
    @RolesAllowed(Caller.ENTERPRISE)
    public FinancingNeedView withdraw(@PathParam("id") UUID id, @PathParam("needId") UUID needId) {
        return needs.withdraw(id, needId);
    }
}
