package com.finmatch.matching.api;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.service.AdminJobs;
import com.finmatch.platform.http.Problem;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(responseCode = "202", description = "The re-match job started; follow `Location` for its progress",
            headers = @Header(name = "Location", description = "The job: GET /api/v1/admin/rematch/{jobId}",
                    schema = @Schema(type = SchemaType.STRING,
                            format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminJobs.JobView.class)))
    @APIResponse(responseCode = "409", description = "A re-match or replay job is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response startRematch(@jakarta.ws.rs.core.Context UriInfo uri) {
        AdminJobs.JobView job = jobs.startRematch();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }

    @GET
    @Path("/rematch/{jobId}")
    @APIResponse(responseCode = "200", description = "The job's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job (jobs are kept in memory, the last 50)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AdminJobs.JobView rematchJob(
            @PathParam("jobId") @Size(max = Bounds.ID, message = JOB_ID_LENGTH) String jobId) {
        return jobs.get(jobId);
    }

    @POST
    @Path("/replay")
    @APIResponse(responseCode = "202", description = "The replay job started; follow `Location` for its progress",
            headers = @Header(name = "Location", description = "The job: GET /api/v1/admin/replay/{jobId}",
                    schema = @Schema(type = SchemaType.STRING,
                            format = "uri", maxLength = 2000)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminJobs.JobView.class)))
    @APIResponse(responseCode = "409", description = "A re-match or replay job is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response startReplay(@jakarta.ws.rs.core.Context UriInfo uri) {
        AdminJobs.JobView job = jobs.startReplay();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.jobId()).build()).build();
    }

    @GET
    @Path("/replay/{jobId}")
    @APIResponse(responseCode = "200", description = "The job's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AdminJobs.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job (jobs are kept in memory, the last 50)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AdminJobs.JobView replayJob(
            @PathParam("jobId") @Size(max = Bounds.ID, message = JOB_ID_LENGTH) String jobId) {
        return jobs.get(jobId);
    }
}
