package com.finmatch.portal.admin;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.model.BankRequest;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The bank registry (loan-service): every bank with its service level, registering one. */
@Path("/admin/banks")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.FINANCE_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class BankRegistryPages {

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("admin/banks.html")
    Template banks;

    @GET
    public TemplateInstance banks(@QueryParam("done") String done) {
        return banks.data("banks", CatalogueResource.banks(bankRegistry)).data("v", Map.of()).data("errors", Map.of())
                .data("done", done);
    }

    @POST
    public Object registerBank(@RestForm String bankId, @RestForm String name, @RestForm String responseHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "bankId", Forms.text(bankId));
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "responseHours", Forms.number(responseHours));
        return FormPost.submit(() -> bankRegistry.registerBank(ClientJson.request(body, BankRequest.class)),
                "/admin/banks?done=bank_registered", Set.of(409), p -> {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (p.status() == 409) {
                errors.put("bankId", "bank_exists");
            }
            return banks.data("banks", CatalogueResource.banks(bankRegistry)).data("v", body).data("errors", errors)
                    .data("done", null);
        });
    }
}
