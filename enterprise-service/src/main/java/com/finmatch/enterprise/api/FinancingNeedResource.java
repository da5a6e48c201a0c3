package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.FinancingNeedService;
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
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** An enterprise's financing needs: its owner opens and withdraws them; the owner and administrators list them. */
@Path("/api/v1/enterprises/{id}/financing-needs")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class FinancingNeedResource {

    @Inject
    FinancingNeedService needs;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Opened",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinancingNeedView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response openNeed(@PathParam("id") UUID id, @NotNull @Valid FinancingNeedRequest body) {
        FinancingNeedView opened = needs.open(id, body);
        return EntityTags.created("/api/v1/enterprises/" + id + "/financing-needs/" + opened.id(), opened);
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.INDUSTRY_BUREAU, Caller.DISTRICT})
    public PageResponse<FinancingNeedView> listNeeds(@PathParam("id") UUID id,
            @Parameter(description = "OPEN, WITHDRAWN or FULFILLED") @QueryParam("status") @Size(max = 10)
            String status,
            @BeanParam @Valid PageRequest page) {
        return needs.list(id, status, page);
    }

    @GET
    @Path("/{needId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.INDUSTRY_BUREAU, Caller.DISTRICT})
    @APIResponse(responseCode = "200", description = "The need",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinancingNeedView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise or need, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FinancingNeedView getNeed(@PathParam("id") UUID id, @PathParam("needId") UUID needId) {
        return needs.get(id, needId);
    }

    @POST
    @Path("/{needId}/withdraw")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "Withdrawn (its active applications are closed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinancingNeedView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise or need, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The need is not OPEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FinancingNeedView withdrawNeed(@PathParam("id") UUID id, @PathParam("needId") UUID needId) {
        return needs.withdraw(id, needId);
    }
}
