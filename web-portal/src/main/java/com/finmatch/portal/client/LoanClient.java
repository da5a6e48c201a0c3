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
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** loan-service (CONTRACT.md) for signed-in users: banks' products and leads, the administrator's reference data. */
@RegisterRestClient(configKey = "loan")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LoanClient {

    @GET
    @Path("/products")
    Map<String, Object> products(@QueryParam("bankId") String bankId, @QueryParam("status") String status,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/products/{id}")
    RestResponse<Map<String, Object>> product(@PathParam("id") String id);

    @POST
    @Path("/products")
    Map<String, Object> createProduct(Map<String, Object> product);

    @PUT
    @Path("/products/{id}")
    Map<String, Object> updateProduct(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> product);

    @POST
    @Path("/products/{id}/{transition}")
    Map<String, Object> transition(@PathParam("id") String id, @PathParam("transition") String transition);

    @POST
    @Path("/banks")
    Map<String, Object> registerBank(Map<String, Object> bank);

    @POST
    @Path("/training-offers")
    Map<String, Object> publishTrainingOffer(Map<String, Object> offer);

    @POST
    @Path("/training-offers/{id}/close")
    Map<String, Object> closeTrainingOffer(@PathParam("id") String id);

    @POST
    @Path("/training-offers/{id}/enrolments")
    Map<String, Object> enrol(@PathParam("id") String id, Map<String, Object> enrolment);

    @POST
    @Path("/policy-tools")
    Map<String, Object> createPolicyTool(Map<String, Object> tool);

    @GET
    @Path("/policy-tools/{id}")
    RestResponse<Map<String, Object>> policyTool(@PathParam("id") String id);

    @PUT
    @Path("/policy-tools/{id}")
    Map<String, Object> updatePolicyTool(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> tool);

    @GET
    @Path("/calendar/days")
    Map<String, Object> calendarDays(@QueryParam("year") int year, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @PUT
    @Path("/calendar/days/{date}")
    Map<String, Object> putCalendarDay(@PathParam("date") String date, Map<String, Object> day);

    @DELETE
    @Path("/calendar/days/{date}")
    void deleteCalendarDay(@PathParam("date") String date);

    @GET
    @Path("/leads")
    Map<String, Object> leads(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/leads/{id}")
    Map<String, Object> lead(@PathParam("id") String id);

    @POST
    @Path("/leads/{id}/decisions")
    Map<String, Object> decide(@PathParam("id") String id, Map<String, Object> decision);
}
