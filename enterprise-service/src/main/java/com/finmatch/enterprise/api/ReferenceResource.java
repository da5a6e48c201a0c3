package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.ReferenceDataService;
import com.finmatch.platform.contracts.DataCategories;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** Reference data for forms, readable without a token (whole lists by default); administrators add and rename clusters. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    ReferenceDataService reference;

    /**
     * What a consent lets a bank see, per category: {@code [{code, title, fields[]}]}, the platform's one definition
     * (the portal's apply step previews it with the enterprise's own values).
     */
    @GET
    @Path("/data-categories")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The categories, PROFILE first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 10,
                            implementation = DataCategoryView.class)))
    public List<DataCategoryView> listDataCategories() {
        return DataCategories.get().all().stream().map(DataCategoryView::of).toList();
    }

    @GET
    @Path("/districts")
    @PermitAll
    public PageResponse<ReferenceItem> listDistricts(@BeanParam @Valid WholeListRequest page) {
        return reference.districts(page.toPageRequest());
    }

    @GET
    @Path("/clusters")
    @PermitAll
    public PageResponse<ReferenceItem> listClusters(@BeanParam @Valid WholeListRequest page) {
        return reference.clusters(page.toPageRequest());
    }

    @POST
    @Path("/clusters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceItem.class)))
    @APIResponse(responseCode = "409", description = "A cluster with this code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response addCluster(@NotNull @Valid ClusterRequest body) {
        ReferenceItem added = reference.addCluster(body);
        return EntityTags.created("/api/v1/reference/clusters/" + added.code(), added);
    }

    /** Renames a cluster; its code, which profiles refer to, stays. */
    @PUT
    @Path("/clusters/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceItem.class)))
    @APIResponse(responseCode = "404", description = "No such cluster",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReferenceItem renameCluster(@PathParam("code") @Size(max = 40) String code,
            @NotNull @Valid ClusterRequest body) {
        return reference.renameCluster(code, body);
    }

    @GET
    @Path("/industries")
    @PermitAll
    public PageResponse<ReferenceItem> listIndustries(@BeanParam @Valid WholeListRequest page) {
        return reference.industries(page.toPageRequest());
    }

    @GET
    @Path("/tags")
    @PermitAll
    @APIResponse(responseCode = "200", description = "Every tag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 50, implementation = ReferenceItem.class)))
    public List<ReferenceItem> listTags() {
        return reference.tags();
    }
}
