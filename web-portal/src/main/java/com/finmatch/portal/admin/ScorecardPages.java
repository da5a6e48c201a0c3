package com.finmatch.portal.admin;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.matching.api.ScorecardResourceApi;
import com.finmatch.portal.client.matching.model.BankScorecard;
import com.finmatch.portal.client.matching.model.PageResponseBankScorecard;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Every bank's scorecard (matching-service): leads, acceptance, response times, overdue leads. */
@Path("/admin/scorecards")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.FINANCE_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class ScorecardPages {

    @Inject
    @RestClient
    ScorecardResourceApi scorecardApi;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("admin/scorecards.html")
    Template scorecards;

    @GET
    public TemplateInstance scorecards() {
        List<BankScorecard> cards;
        try {
            cards = Paged.all(n -> scorecardApi.bankScorecards(null, n, Paged.MAX, null),
                    PageResponseBankScorecard::getItems, PageResponseBankScorecard::getTotal);
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                throw e;
            }
            cards = List.of(); // matching-service has no scorecards yet: the page says there is no data
        }
        return scorecards.data("cards", cards)
                .data("banks", CatalogueResource.bankNames(CatalogueResource.banksOrNone(bankRegistry)));
    }
}
