package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ConsentService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The consent ledger of one enterprise: its owner grants and revokes; the owner and administrators list. */
@Path("/api/v1/enterprises/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class ConsentResource {

    @Inject
    ConsentService consents;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Granted",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response grantConsent(@PathParam("id") UUID id, @NotNull @Valid ConsentRequest body) {
        ConsentView granted = consents.grant(id, body);
        return EntityTags.created("/api/v1/enterprises/" + id + "/consents/" + granted.id(), granted);
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public PageResponse<ConsentView> listConsents(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return consents.list(id, page);
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    @APIResponse(responseCode = "200", description = "The consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise or consent, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ConsentView getConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        return consents.get(id, consentId);
    }

    @DELETE
    @Path("/{consentId}")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "204", description = "Revoked (also when it was revoked before)")
    @APIResponse(responseCode = "404", description = "No such enterprise or consent, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response revokeConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        consents.revoke(id, consentId);
        return Response.noContent().build();
    }
}
