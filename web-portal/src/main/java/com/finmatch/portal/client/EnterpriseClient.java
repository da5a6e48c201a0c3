package com.finmatch.portal.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** enterprise-service (CONTRACT.md), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "enterprise")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EnterpriseClient {

    @POST
    @Path("/enterprises")
    Map<String, Object> register(Map<String, Object> enterprise);

    @GET
    @Path("/enterprises/me")
    RestResponse<Map<String, Object>> mine();

    @GET
    @Path("/enterprises/{id}")
    RestResponse<Map<String, Object>> enterprise(@PathParam("id") String id);

    @PUT
    @Path("/enterprises/{id}")
    Map<String, Object> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            com.finmatch.portal.client.enterprise.model.EnterpriseRequest enterprise);

    @GET
    @Path("/enterprises")
    Map<String, Object> search(@QueryParam("district") String district, @QueryParam("cluster") String cluster,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/enterprises/{id}/financing-needs")
    Object needs(@PathParam("id") String enterpriseId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/enterprises/{id}/financing-needs")
    Map<String, Object> openNeed(@PathParam("id") String enterpriseId, Map<String, Object> need);

    @POST
    @Path("/enterprises/{id}/financing-needs/{needId}/withdraw")
    Map<String, Object> withdrawNeed(@PathParam("id") String enterpriseId, @PathParam("needId") String needId);

    @GET
    @Path("/enterprises/{id}/consents")
    Object consents(@PathParam("id") String enterpriseId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/enterprises/{id}/consents")
    Map<String, Object> grantConsent(@PathParam("id") String enterpriseId, Map<String, Object> consent);

    @DELETE
    @Path("/enterprises/{id}/consents/{consentId}")
    void revokeConsent(@PathParam("id") String enterpriseId, @PathParam("consentId") String consentId);

    @GET
    @Path("/enterprises/{id}/access-log")
    Object accessLog(@PathParam("id") String enterpriseId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/enterprises/{id}/projects")
    Object projects(@PathParam("id") String enterpriseId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/enterprises/{id}/projects/{projectId}")
    Map<String, Object> project(@PathParam("id") String enterpriseId, @PathParam("projectId") String projectId);

    /** The administrators' major-project library, a page at a time (largest financing gap first). */
    @GET
    @Path("/projects")
    Map<String, Object> projectLibrary(@QueryParam("district") String district, @QueryParam("cluster") String cluster,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/enterprises/{id}/projects")
    Map<String, Object> registerProject(@PathParam("id") String enterpriseId, Map<String, Object> project);

    @POST
    @Path("/applications")
    Map<String, Object> apply(Map<String, Object> application);

    /** What a bank sees per consent category: {@code [{code, title, fields[]}]} (the platform's one definition). */
    @GET
    @Path("/reference/data-categories")
    List<Map<String, Object>> dataCategories();

    @GET
    @Path("/applications/mine")
    Object myApplications(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/applications/{id}")
    Map<String, Object> application(@PathParam("id") String id);

    @POST
    @Path("/applications/{id}/withdraw")
    Map<String, Object> withdrawApplication(@PathParam("id") String id);
}
