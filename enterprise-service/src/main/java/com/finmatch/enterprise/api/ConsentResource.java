package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ConsentService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** The consent ledger of one enterprise: its owner grants and revokes; the owner and administrators list. */
@Path("/api/v1/enterprises/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService consents;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("id") UUID id, @NotNull @Valid ConsentRequest body) {
        ConsentView granted = consents.grant(id, body);
        return Response.created(URI.create("/api/v1/enterprises/" + id + "/consents/" + granted.id()))
                .entity(granted).build();
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public PageResponse<ConsentView> list(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return consents.list(id, page);
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public ConsentView get(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        return consents.get(id, consentId);
    }

    @DELETE
    @Path("/{consentId}")
    @RolesAllowed(Caller.ENTERPRISE)
    public Response revoke(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        consents.revoke(id, consentId);
        return Response.noContent().build();
    }
}
