package com.finmatch.enterprise.api;

import com.finmatch.enterprise.service.MaterialsService;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Before applying: what a product asks for (its materialsRequired) against what the enterprise has uploaded. */
@Path("/api/v1/enterprises/{id}/materials-checklist")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialsResource {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    @Inject
    MaterialsService materials;

    @GET
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "200", description = "One item per material the product asks for, with whether a "
            + "document of its kind is uploaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MaterialsChecklistView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise or product, or the enterprise is not the "
            + "caller's (the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MaterialsChecklistView productMaterialsChecklist(@PathParam("id") UUID id,
            @QueryParam("productId") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID")
            @Schema(maxLength = 36, format = "uuid") String productId) {
        return materials.forProduct(id, UUID.fromString(productId));
    }
}
