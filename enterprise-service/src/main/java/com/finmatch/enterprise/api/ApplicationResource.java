package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ApplicationService;
import com.finmatch.enterprise.service.MaterialsService;
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

/**
 * Loan applications: submitted and withdrawn by enterprises, read also by the product's bank and administrators; the
 * owner answers a bank's 补件 request.
 */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    MaterialsService materials;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Submitted (status SUBMITTED)",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "The financing need is not the caller's, or the caller has no "
            + "enterprise",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The need is not OPEN, or an application for this need and "
            + "product is in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The product is not published, or not valid today (the detail "
            + "names its validity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submitApplication(@NotNull @Valid ApplicationRequest body) {
        ApplicationView submitted = applications.submit(body);
        return EntityTags.created("/api/v1/applications/" + submitted.id(), submitted);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.ENTERPRISE)
    public PageResponse<ApplicationView> myApplications(@BeanParam @Valid PageRequest page) {
        return applications.mine(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK, Caller.ADMIN})
    @APIResponse(responseCode = "200", description = "The application with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationView getApplication(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The application is final already",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationView withdrawApplication(@PathParam("id") UUID id) {
        return applications.withdraw(id);
    }

    @POST
    @Path("/{id}/materials-submitted")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "Answered: the application is UNDER_REVIEW again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The application is not waiting for materials, or a kind asked "
            + "for has no document uploaded since the request (the detail names them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationView submitMaterials(@PathParam("id") UUID id) {
        return applications.submitMaterials(id);
    }

    @GET
    @Path("/{id}/materials-checklist")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "The bank's open 补件 request against the documents uploaded "
            + "since (no items when none is open)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MaterialsChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MaterialsChecklistView applicationMaterialsChecklist(@PathParam("id") UUID id) {
        return materials.forApplication(id);
    }
}
