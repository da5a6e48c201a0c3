package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ApplicationService;
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

/** Loan applications: submitted and withdrawn by enterprises, read also by the product's bank and administrators. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull @Valid ApplicationRequest body) {
        ApplicationView submitted = applications.submit(body);
        return Response.created(URI.create("/api/v1/applications/" + submitted.id())).entity(submitted).build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.ENTERPRISE)
    public PageResponse<ApplicationView> mine(@BeanParam @Valid PageRequest page) {
        return applications.mine(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK, Caller.ADMIN})
    public ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Caller.ENTERPRISE)
    public ApplicationView withdraw(@PathParam("id") UUID id) {
        return applications.withdraw(id);
    }
}
