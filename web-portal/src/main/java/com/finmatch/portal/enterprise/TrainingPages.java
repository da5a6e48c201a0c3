package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.web.Forms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Enrolling in an IPO-training offer recommended to the enterprise. */
@Path("/enterprise/training")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class TrainingPages {

    @Inject
    MyEnterprise my;

    @Inject
    RecommendationPages recommendations;

    @Inject
    @RestClient
    TrainingOfferResourceApi trainingOffers;

    @POST
    @Path("{offerId}/enrol")
    public Response enrol(@PathParam("offerId") String offerId) {
        EnterpriseView me = my.require();
        Forms.requireUuid(offerId);
        try {
            trainingOffers.enrolInTrainingOffer(UUID.fromString(offerId));
            return back("done=enrolled");
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 409) {
                return back("failed=enrol_refused");
            }
            if (status == 422) { // not eligible: show the entry criteria the enterprise does not meet
                var refusal = new RecommendationPages.EnrolRefusal(offerId, Problem.failedRules(e));
                return Response.status(422).entity(recommendations.page(me, null, null, refusal)).build();
            }
            if (status == 503) { // the profile has not reached loan-service yet
                return back("failed=enrol_retry");
            }
            throw e;
        }
    }

    private static Response back(String query) {
        return Response.seeOther(URI.create("/enterprise/recommendations?" + query)).build();
    }
}
