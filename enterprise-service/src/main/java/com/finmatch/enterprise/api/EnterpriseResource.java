package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.service.EnterpriseQueryService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    @Inject
    EnterpriseQueryService queries;

    @GET
    @RolesAllowed(Caller.ADMIN)
    public PageResponse<Enterprise> search(@BeanParam @Valid PageRequest page) {
        return queries.search(page);
    }
}
