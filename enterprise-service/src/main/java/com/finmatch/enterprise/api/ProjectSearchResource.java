package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ProjectService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The administrators' search across the major-project library (cluster: the owning enterprise's). */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class ProjectSearchResource {

    @Inject
    ProjectService projects;

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    public PageResponse<ProjectView> searchProjects(@QueryParam("district") @Size(max = 20) String district,
            @QueryParam("cluster") @Size(max = 40) String cluster, @QueryParam("stage") @Size(max = 20) String stage,
            @Parameter(description = "Smallest financing gap, CNY") @QueryParam("minGap") @Size(max = 20)
            String minGap,
            @BeanParam @Valid PageRequest page) {
        return projects.search(district, cluster, stage, minGap, page);
    }
}
