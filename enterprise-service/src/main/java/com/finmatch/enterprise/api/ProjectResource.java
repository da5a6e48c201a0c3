package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ProjectService;
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

/** An enterprise's entries in the major-project library: its owner registers them, the owner and admins list them. */
@Path("/api/v1/enterprises/{id}/projects")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class ProjectResource {

    @Inject
    ProjectService projects;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response registerProject(@PathParam("id") UUID id, @NotNull @Valid ProjectRequest body) {
        ProjectView registered = projects.register(id, body);
        return EntityTags.created("/api/v1/enterprises/" + id + "/projects/" + registered.id(), registered);
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    public PageResponse<ProjectView> listProjects(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return projects.list(id, page);
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "The project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise or project, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectView getProject(@PathParam("id") UUID id, @PathParam("projectId") UUID projectId) {
        return projects.get(id, projectId);
    }
}
