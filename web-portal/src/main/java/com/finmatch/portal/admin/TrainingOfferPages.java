package com.finmatch.portal.admin;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseTrainingOfferView;
import com.finmatch.portal.client.loan.model.TrainingOfferRequest;
import com.finmatch.portal.client.loan.model.TrainingOfferView;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** IPO-training offers (loan-service): the list, publishing one, closing one. */
@Path("/admin/training-offers")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.INDUSTRY_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class TrainingOfferPages {

    @Inject
    @RestClient
    TrainingOfferResourceApi trainingOffers;

    @Inject
    @Location("admin/training.html")
    Template training;

    @GET
    public TemplateInstance training(@QueryParam("done") String done) {
        return training.data("offers", allOffers()).data("v", Map.of()).data("errors", Map.of()).data("done", done);
    }

    @POST
    public Object publishOffer(@RestForm String organiser, @RestForm String title, @RestForm String format,
            @RestForm String startsOn, @RestForm String endsOn, @RestForm String seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "organiser", Forms.text(organiser));
        Forms.put(body, "title", Forms.text(title));
        Forms.put(body, "format", Forms.text(format));
        Forms.put(body, "startsOn", Forms.text(startsOn));
        Forms.put(body, "endsOn", Forms.text(endsOn));
        Forms.put(body, "seats", Forms.number(seats));
        body.put("rules", List.of());
        return FormPost.submit(() -> trainingOffers.publishTrainingOffer(ClientJson.request(body, TrainingOfferRequest.class)),
                "/admin/training-offers?done=offer_published",
                p -> training.data("offers", allOffers()).data("v", body).data("errors", p.fieldErrors()).data("done", null));
    }

    @POST
    @Path("{id}/close")
    public Response closeOffer(@PathParam("id") String id) {
        Forms.requireUuid(id);
        trainingOffers.closeTrainingOffer(UUID.fromString(id));
        return Response.seeOther(URI.create("/admin/training-offers?done=offer_closed")).build();
    }

    private List<TrainingOfferView> allOffers() {
        return Paged.all(n -> trainingOffers.listTrainingOffers(n, Paged.MAX, null), PageResponseTrainingOfferView::getItems,
                PageResponseTrainingOfferView::getTotal);
    }
}
