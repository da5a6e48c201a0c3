package com.finmatch.matching.api;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.service.AdminJobs;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Full re-match and replay of the read models, as background jobs with progress (one at a time). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class AdminJobResource {

    private static final String JOB_ID_LENGTH = "must be at most " + Bounds.ID + " characters";

    @Inject
    AdminJobs jobs;

    @POST
    @Path("/rematch")
    @APIResponse(responseCode = "202", ref = "JobStarted")
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response startRematch(@jakarta.ws.rs.core.Context UriInfo uri) {
        return started(jobs.startRematch(), uri);
    }

    @GET
    @Path("/rematch/{jobId}")
    @APIResponse(responseCode = "200", ref = "JobProgress")
    @APIResponse(responseCode = "404", ref = "JobNotFound")
    public AdminJobs.JobView rematchJob(
            @PathParam("jobId") @Size(max = Bounds.ID, message = JOB_ID_LENGTH) String jobId) {
        return jobs.get(jobId);
    }

    @POST
    @Path("/replay")
    @APIResponse(responseCode = "202", ref = "JobStarted")
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response startReplay(@jakarta.ws.rs.core.Context UriInfo uri) {
        return started(jobs.startReplay(), uri);
    }

    @GET
    @Path("/replay/{jobId}")
    @APIResponse(responseCode = "200", ref = "JobProgress")
    @APIResponse(responseCode = "404", ref = "JobNotFound")
    public AdminJobs.JobView replayJob(
            @PathParam("jobId") @Size(max = Bounds.ID, message = JOB_ID_LENGTH) String jobId) {
        return jobs.get(jobId);
    }

    /** 202 with the job and, in {@code Location}, where its progress is read. */
    private static Response started(AdminJobs.JobView job, UriInfo uri) {
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }
}
