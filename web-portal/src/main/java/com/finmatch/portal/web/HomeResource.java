package com.finmatch.portal.web;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.security.CurrentUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The public landing page, and the login entry that sends each role to its start page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    private static final Logger LOG = Logger.getLogger(HomeResource.class);

    @Inject
    Template home;

    @Inject
    @RestClient
    ProductResourceApi catalog;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance home() {
        List<ProductView> featured = List.of();
        boolean catalogueDown = false;
        try {
            featured = catalog.searchProducts(null, null, null, null, 0, 6, null, null, null).getItems();
        } catch (RuntimeException e) {
            LOG.debugf("catalogue unavailable on the landing page: %s", e.getMessage());
            catalogueDown = true;
        }
        Map<String, String> bankNames = Map.of();
        if (!catalogueDown) {
            try {
                bankNames = CatalogueResource.bankNames(CatalogueResource.banks(bankRegistry));
            } catch (RuntimeException e) {
                LOG.debugf("banks unavailable on the landing page: %s", e.getMessage());
            }
        }
        return home.data("featured", featured).data("catalogueDown", catalogueDown).data("bankNames", bankNames);
    }

    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create(user.home())).build();
    }
}
