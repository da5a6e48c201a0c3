package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.FinancingNeedView;
import com.finmatch.portal.client.enterprise.model.NeedStatus;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.client.loan.model.Message;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.loan.model.PageResponseTrainingOfferView;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.loan.model.TrainingOfferView;
import com.finmatch.portal.client.matching.api.RecommendationResourceApi;
import com.finmatch.portal.client.matching.model.EnterpriseRecommendations;
import com.finmatch.portal.client.matching.model.NeedRecommendation;
import com.finmatch.portal.client.matching.model.OfferMatch;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The enterprise's recommendations (matching-service): per open need or major-project gap the ranked products with
 * their reasons, the near misses with the rules not met, training offers, and the listing-readiness offers.
 */
@Path("/enterprise/recommendations")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
@Singleton
public class RecommendationPages {

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    RecommendationResourceApi recommendationApi;

    @Inject
    @RestClient
    TrainingOfferResourceApi trainingOffers;

    @Inject
    @RestClient
    ProductResourceApi catalog;

    @Inject
    @Location("enterprise/recommendations.html")
    Template recommendations;

    /** Why loan-service refused an enrolment (422): the offer and the entry criteria the enterprise does not meet. */
    @TemplateData
    public record EnrolRefusal(String offerId, List<Message> failedRules) {
    }

    @GET
    public TemplateInstance recommendations(@QueryParam("done") String done, @QueryParam("failed") String failed) {
        return page(my.require(), done, failed, null);
    }

    /** The recommendations page; {@code enrolRefusal}: an enrolment refused for unmet entry criteria, or null. */
    TemplateInstance page(EnterpriseView me, String done, String failed, EnrolRefusal enrolRefusal) {
        List<FinancingNeedView> needs = my.needs(me.getId());
        Map<String, FinancingNeedView> needById = new LinkedHashMap<>();
        needs.forEach(n -> needById.put(n.getId().toString(), n));
        EnterpriseRecommendations answer = recommendationApi.myRecommendations();
        List<NeedRecommendation> recs = answer.getRecommendations() == null ? List.of() : answer.getRecommendations();
        Map<String, ProjectView> projectById = new LinkedHashMap<>();
        if (recs.stream().anyMatch(r -> r.getProjectId() != null)) {
            my.projects(me.getId()).forEach(p -> projectById.put(p.getId().toString(), p));
        }
        List<OfferMatch> listingOffers = answer.getListingReadiness() == null
                || answer.getListingReadiness().getTrainingOffers() == null ? List.of()
                : answer.getListingReadiness().getTrainingOffers();
        return recommendations.data("recs", recs).data("needs", needById).data("projects", projectById)
                .data("openNeeds", needs.stream().filter(n -> n.getStatus() == NeedStatus.OPEN).toList())
                .data("productNames", productNames()).data("offers", offers()).data("done", done)
                .data("failed", failed).data("enrolRefusal", enrolRefusal).data("listingOffers", listingOffers)
                .data("bankNames", my.bankNames());
    }

    /** Names of near misses are a nicety: without them (loan-service down) the page links the product id. */
    private Map<String, String> productNames() {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (ProductView p : Paged.all(n -> catalog.searchProducts(null, null, null, null, n, Paged.MAX, null, null, null),
                    PageResponseProductView::getItems, PageResponseProductView::getTotal)) {
                names.put(p.getId().toString(), p.getName());
            }
        } catch (RuntimeException e) {
            return names;
        }
        return names;
    }

    /** The offers' titles are shown when loan-service answers. */
    private Map<String, TrainingOfferView> offers() {
        Map<String, TrainingOfferView> offers = new LinkedHashMap<>();
        try {
            for (TrainingOfferView o : Paged.all(n -> trainingOffers.listTrainingOffers(n, Paged.MAX, null),
                    PageResponseTrainingOfferView::getItems, PageResponseTrainingOfferView::getTotal)) {
                offers.put(o.getId().toString(), o);
            }
        } catch (RuntimeException e) {
            return offers;
        }
        return offers;
    }
}
