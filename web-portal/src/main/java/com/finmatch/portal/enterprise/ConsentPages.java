package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.api.ConsentResourceApi;
import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.model.ConsentRequest;
import com.finmatch.portal.client.enterprise.model.PageResponseAccessLogView;
import com.finmatch.portal.client.enterprise.model.PageResponseConsentView;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The enterprise's consents to banks (grant, revoke) and the log of every read a bank made under them. */
@Path("/enterprise/consents")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class ConsentPages {

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    ConsentResourceApi consentApi;

    @Inject
    @RestClient
    EnterpriseResourceApi enterprises;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("enterprise/consents.html")
    Template consents;

    @GET
    public TemplateInstance consents(@QueryParam("done") String done) {
        return page(my.require().getId(), Map.of(), LocalDate.now(ZoneOffset.UTC).plusYears(1).toString())
                .data("done", done);
    }

    @POST
    public Object grant(@RestForm String bankId, @RestForm List<String> categories, @RestForm String expiresOn) {
        UUID id = my.require().getId();
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "bankId", Forms.text(bankId));
        body.put("categories", Forms.list(categories));
        Forms.put(body, "expiresAt", ExpiryDate.expiresAt(expiresOn));
        return FormPost.submit(() -> consentApi.grantConsent(id, ClientJson.request(body, ConsentRequest.class)),
                "/enterprise/consents?done=consent_granted",
                p -> page(id, ExpiryDate.asFormField(p.fieldErrors()), expiresOn).data("done", null));
    }

    @POST
    @Path("{consentId}/revoke")
    public Response revoke(@PathParam("consentId") String consentId) {
        UUID id = my.require().getId();
        Forms.requireUuid(consentId);
        consentApi.revokeConsent(UUID.fromString(consentId), id);
        return Response.seeOther(URI.create("/enterprise/consents?done=consent_revoked")).build();
    }

    private TemplateInstance page(UUID id, Map<String, String> errors, String expiresOn) {
        return consents.data("consents", Paged.all(n -> consentApi.listConsents(id, n, Paged.MAX),
                        PageResponseConsentView::getItems, PageResponseConsentView::getTotal))
                .data("log", Paged.all(n -> enterprises.getAccessLog(id, n, Paged.MAX),
                        PageResponseAccessLogView::getItems, PageResponseAccessLogView::getTotal))
                .data("banks", CatalogueResource.banks(bankRegistry)).data("errors", errors)
                .data("defaultExpiry", expiresOn);
    }
}
