package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ProjectService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** An enterprise's entries in the major-project library: its owner registers them, the owner and admins list them. */
@Path("/api/v1/enterprises/{id}/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") UUID id, @NotNull @Valid ProjectRequest body) {
        ProjectView registered = projects.register(id, body);
        return Response.created(URI.create("/api/v1/enterprises/" + id + "/projects/" + registered.id()))
                .entity(registered).build();
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public PageResponse<ProjectView> list(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return projects.list(id, page);
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public ProjectView get(@PathParam("id") UUID id, @PathParam("projectId") UUID projectId) {
        return projects.get(id, projectId);
    }
}
