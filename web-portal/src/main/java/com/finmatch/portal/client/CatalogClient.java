package com.finmatch.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** loan-service's public reads (金融超市, banks, training offers, policy tools): no token, anyone may see them. */
@RegisterRestClient(configKey = "loan")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    @Path("/products")
    Map<String, Object> products(@QueryParam("type") String type, @QueryParam("bankId") String bankId,
            @QueryParam("district") String district, @QueryParam("cluster") String cluster,
            @QueryParam("amount") BigDecimal amount, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/products/{id}")
    Map<String, Object> product(@PathParam("id") String id);

    @GET
    @Path("/banks")
    Object banks(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/training-offers")
    Object trainingOffers(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/policy-tools")
    Map<String, Object> policyTools(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Lists may come as a page {items,…} or as a plain array: both become a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object body) {
        if (body instanceof List<?> l) {
            return (List<Map<String, Object>>) l;
        }
        if (body instanceof Map<?, ?> m) {
            return Json.items((Map<String, Object>) m);
        }
        return List.of();
    }
}
