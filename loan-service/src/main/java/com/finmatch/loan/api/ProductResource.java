package com.finmatch.loan.api;

import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.ProductLifecycle.Move;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.ProductVersion;
import com.finmatch.loan.service.CatalogueService;
import com.finmatch.loan.service.ProductService;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Loan products: the public catalogue (no token), and a bank's own products written over the API with the
 * client-credentials grant — the owning bank always comes from the token's {@code bank_id}.
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    Clock clock;

    @Inject
    CatalogueService catalogue;

    @Inject
    CataloguePages pages;

    /**
     * The catalogue: published products; {@code status} other than PUBLISHED lists the caller bank's own. The public
     * answer comes from {@link CataloguePages} with a strong ETag (304 on a matching {@code If-None-Match}) and
     * {@code Cache-Control: public, no-cache}: any cache may keep it but must revalidate it on every use, so a product
     * change is seen at once.
     */
    @GET
    @APIResponse(responseCode = "200", description = "A page of the catalogue; the public catalogue (published"
            + " products) carries a strong ETag and Cache-Control: public, no-cache",
            headers = {@Header(name = "ETag", ref = "CatalogueETag"),
                    @Header(name = "Cache-Control", ref = "CatalogueCacheControl")})
    @APIResponse(responseCode = "304", description = "Not modified: the public catalogue page If-None-Match names is"
            + " still current", headers = {@Header(name = "ETag", ref = "CatalogueETag"),
                    @Header(name = "Cache-Control", ref = "CatalogueCacheControl")})
    public RestResponse<PageResponse<ProductView>> searchProducts(@QueryParam("type") @Size(max = 40) String type,
            @QueryParam("bankId") @Size(max = 40) String bankId,
            @QueryParam("district") @Size(max = 60) String district,
            @QueryParam("cluster") @Size(max = 60) String cluster,
            @QueryParam("amount") @Size(max = 40) String amount, @QueryParam("status") @Size(max = 40) String status,
            @Parameter(description = "the ETag of a public catalogue page you hold: 304 while it is current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = 1000) String ifNoneMatch,
            @BeanParam @Valid PageRequest page) {
        var filter = new CatalogueService.Filter(QueryParams.enumValue(type, ProductType.class, "type"),
                QueryParams.code(bankId, "bankId"), QueryParams.code(district, "district"),
                QueryParams.code(cluster, "cluster"), QueryParams.amount(amount, "amount"),
                QueryParams.enumValue(status, ProductStatus.class, "status"));
        if (filter.status() != null && filter.status() != ProductStatus.PUBLISHED) {
            return RestResponse.ok(ProductView.page(catalogue.search(filter, page, PlatformClock.today(clock))));
        }
        CataloguePages.Page found = pages.published(filter, page, PlatformClock.today(clock));
        RestResponse.ResponseBuilder<PageResponse<ProductView>> answer = EntityTags.noneMatchNames(ifNoneMatch,
                found.etag()) ? RestResponse.ResponseBuilder.notModified() : rendered(found);
        return answer.header(HttpHeaders.ETAG, found.etag()).header(HttpHeaders.CACHE_CONTROL, "public, no-cache")
                .build();
    }

    /**
     * 200 with the page as rendered once: the declared type documents the body; the entity is the page's JSON, which
     * Jackson writes as it is ({@link CataloguePages.Page}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RestResponse.ResponseBuilder<PageResponse<ProductView>> rendered(CataloguePages.Page page) {
        return (RestResponse.ResponseBuilder) RestResponse.ResponseBuilder.ok(page, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The product; ETag is its version",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    public Response getProduct(@PathParam("id") UUID id) {
        return respond(products.get(id));
    }

    /** Every published state of the product, oldest first, a page at a time. */
    @GET
    @Path("/{id}/versions")
    public PageResponse<Map<String, Object>> productVersions(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        PageResponse<ProductVersion> found = products.versions(id, page);
        return new PageResponse<>(found.items().stream().map(v -> v.snapshot).toList(), found.page(), found.size(),
                found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.BANK)
    @APIResponse(responseCode = "201", description = "Created as a DRAFT of the caller's bank",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    public Response createProduct(@NotNull @Valid ProductRequest request) {
        LoanProduct product = products.create(request);
        return EntityTags.created("/api/v1/products/" + product.id, ProductView.of(product), product.version);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.BANK)
    @APIResponse(responseCode = "200", description = "Replaced (a published product gets a new version)",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "428", ref = "Problem428")
    public Response updateProduct(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the version you change") @HeaderParam(HttpHeaders.IF_MATCH)
            @Size(max = 40) String ifMatch,
            @NotNull @Valid ProductRequest request) {
        return respond(products.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Caller.BANK)
    @APIResponse(responseCode = "200", description = "Published", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response publishProduct(@PathParam("id") UUID id) {
        return respond(products.move(id, Move.PUBLISH));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Caller.BANK, Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "200", description = "Suspended", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response suspendProduct(@PathParam("id") UUID id) {
        return respond(products.move(id, Move.SUSPEND));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Caller.BANK)
    @APIResponse(responseCode = "200", description = "Withdrawn", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response withdrawProduct(@PathParam("id") UUID id) {
        return respond(products.move(id, Move.WITHDRAW));
    }

    private static Response respond(LoanProduct product) {
        return EntityTags.ok(ProductView.of(product), product.version);
    }
}
