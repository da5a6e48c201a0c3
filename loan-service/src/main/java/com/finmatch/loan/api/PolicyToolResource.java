package com.finmatch.loan.api;

import com.finmatch.loan.domain.PolicyTool;
import com.finmatch.loan.domain.PolicyToolKind;
import com.finmatch.loan.service.PolicyToolService;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Policy tools: anyone reads them; administrators create and change them (each change: PolicyToolChanged). */
@Path("/api/v1/policy-tools")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyToolResource {

    @Inject
    PolicyToolService tools;

    @GET
    public PageResponse<PolicyToolView> listPolicyTools(@QueryParam("kind") @Size(max = 40) String kind,
            @BeanParam @Valid PageRequest page) {
        PageResponse<PolicyTool> found = tools.list(QueryParams.enumValue(kind, PolicyToolKind.class, "kind"), page);
        return new PageResponse<>(found.items().stream().map(PolicyToolView::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The policy tool", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyToolView.class)))
    public Response getPolicyTool(@PathParam("id") UUID id) {
        return respond(tools.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyToolView.class)))
    public Response createPolicyTool(@NotNull @Valid PolicyToolRequest request) {
        PolicyTool tool = tools.create(request);
        return EntityTags.created("/api/v1/policy-tools/" + tool.id, PolicyToolView.of(tool), tool.version);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "200", description = "The policy tool as changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyToolView.class)))
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "428", ref = "Problem428")
    public Response updatePolicyTool(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 40) String ifMatch,
            @NotNull @Valid PolicyToolRequest request) {
        return respond(tools.update(id, ifMatch, request));
    }

    private static Response respond(PolicyTool tool) {
        return EntityTags.ok(PolicyToolView.of(tool), tool.version);
    }
}
