package com.finmatch.enterprise.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.enterprise.service.EnterpriseService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.contracts.DataCategories;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Enterprise profiles: registration, the owner's profile, consented bank reads, updates, admin search. */
@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@AuditedRead
public class EnterpriseResource {

    @Inject
    EnterpriseService enterprises;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "409", description = "The caller has registered an enterprise already, or the USCC is "
            + "taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response registerEnterprise(@NotNull @Valid EnterpriseRequest body) {
        EnterpriseView created = enterprises.register(body);
        return EntityTags.created("/api/v1/enterprises/" + created.id(), created, created.version());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "The caller's enterprise",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "The caller has not registered an enterprise yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response myEnterprise() {
        EnterpriseView view = enterprises.mine();
        return EntityTags.ok(view, view.version());
    }

    /** The profile; a bank sees only what its live consents cover, and the read is logged. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK, Caller.ADMIN, Caller.INDUSTRY_BUREAU,
            Caller.DISTRICT})
    @APIResponse(responseCode = "200", description = "The profile; a bank is shown the fields of its consented "
            + "categories only", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response getEnterprise(@PathParam("id") UUID id) {
        EnterpriseService.ProfileRead read = enterprises.read(id);
        Object body = read.view();
        if (!read.isComplete()) {
            body = DataCategories.get().visible(json.valueToTree(read.view()),
                    read.categories().stream().map(Enum::name).toList());
        }
        return EntityTags.ok(body, read.view().version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The new data would duplicate another record",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "428", ref = "Problem428")
    public Response updateEnterprise(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH)
            @Size(max = ApiDocs.IF_MATCH_MAX) String ifMatch,
            @NotNull @Valid EnterpriseRequest body) {
        EnterpriseView updated = enterprises.update(id, ifMatch, body);
        return EntityTags.ok(updated, updated.version());
    }

    /**
     * The government's search (the administrator, the industry bureau; a district only among its own district's
     * enterprises); {@code sizeClass} filters the size class ({@code size} is the page size).
     */
    @GET
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU, Caller.DISTRICT})
    public PageResponse<EnterpriseView> searchEnterprises(@QueryParam("district") @Size(max = 20) String district,
            @QueryParam("cluster") @Size(max = 40) String cluster, @QueryParam("tag") @Size(max = 30) String tag,
            @QueryParam("sizeClass") @Size(max = 10) String sizeClass,
            @Parameter(description = "Part of the name") @QueryParam("name") @Size(max = 200) String name,
            @BeanParam @Valid PageRequest page) {
        return enterprises.search(district, cluster, tag, sizeClass, name, page);
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed({Caller.ENTERPRISE, Caller.ADMIN})
    public PageResponse<AccessLogView> getAccessLog(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return enterprises.accessLog(id, page);
    }
}
