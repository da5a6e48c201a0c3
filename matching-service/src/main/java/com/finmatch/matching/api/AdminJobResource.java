package com.finmatch.matching.api;

import com.finmatch.matching.service.AdminJobs;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Full re-match and replay of the read models, as background jobs with progress (one at a time). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class AdminJobResource {

    @Inject
    AdminJobs jobs;

    @POST
    @Path("/rematch")
    public Response rematch(@jakarta.ws.rs.core.Context UriInfo uri) {
        AdminJobs.JobView job = jobs.startRematch();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }

    @GET
    @Path("/rematch/{jobId}")
    public AdminJobs.JobView rematchJob(@PathParam("jobId") String jobId) {
        return jobs.get(jobId);
    }

    @POST
    @Path("/replay")
    public Response replay(@jakarta.ws.rs.core.Context UriInfo uri) {
        AdminJobs.JobView job = jobs.startReplay();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }

    @GET
    @Path("/replay/{jobId}")
    public AdminJobs.JobView replayJob(@PathParam("jobId") String jobId) {
        return jobs.get(jobId);
    }
}
