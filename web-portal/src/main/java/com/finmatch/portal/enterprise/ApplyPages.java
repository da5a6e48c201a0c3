package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.enterprise.api.MaterialsResourceApi;
import com.finmatch.portal.client.enterprise.api.ProjectResourceApi;
import com.finmatch.portal.client.enterprise.api.ReferenceResourceApi;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.MaterialsChecklistView;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.web.Forms;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The apply step's confirm page: which categories the product's bank may see (PROFILE ticked; FINANCIALS,
 * CONTACTS), until when (90 days), a preview of exactly the fields and values it will see, and applying without
 * consent (an anonymous lead). For a major project's gap it also asks the terms a project does not have. Above it,
 * the product's materials checklist against the documents the enterprise has uploaded.
 */
@Path("/enterprise/apply")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
@Singleton
public class ApplyPages {

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    ProjectResourceApi projectApi;

    @Inject
    @RestClient
    ReferenceResourceApi reference;

    @Inject
    @RestClient
    ProductResourceApi catalog;

    @Inject
    @RestClient
    MaterialsResourceApi materials;

    @Inject
    @Location("enterprise/apply.html")
    Template applyConfirm;

    @GET
    public TemplateInstance confirmApplication(@QueryParam("needId") String needId,
            @QueryParam("projectId") String projectId, @QueryParam("productId") String productId) {
        EnterpriseView me = my.require();
        ProductView product = productOrId(productId);
        if (!Forms.isUuid(needId) && Forms.isUuid(projectId)) {
            ProjectView project = project(me, projectId);
            return page(me, null, product, List.of("PROFILE"), defaultExpiry(), Map.of())
                    .data("project", project).data("gap", ProjectGapForm.defaults(project, product));
        }
        Forms.requireUuid(needId);
        return page(me, needId, product, List.of("PROFILE"), defaultExpiry(), Map.of());
    }

    /** The confirm page again, with what was chosen and the problems found. */
    TemplateInstance again(EnterpriseView me, String needId, String productId, ProjectView project, ProjectGapForm gap,
            List<String> checked, String expiresOn, Map<String, String> errors) {
        TemplateInstance page = page(me, project == null ? needId : null, productOrId(productId), checked, expiresOn,
                errors);
        return project == null ? page : page.data("project", project).data("gap", gap.values());
    }

    ProjectView project(EnterpriseView me, String projectId) {
        Forms.requireUuid(projectId);
        return projectApi.getProject(me.getId(), UUID.fromString(projectId));
    }

    /** The product applied for; one loan-service does not show (any more) is named by its id alone. */
    private ProductView productOrId(String productId) {
        Forms.requireUuid(productId);
        try {
            return catalog.getProduct(UUID.fromString(productId));
        } catch (WebApplicationException e) {
            return new ProductView().id(UUID.fromString(productId));
        }
    }

    private TemplateInstance page(EnterpriseView me, String needId, ProductView product, List<String> checked,
            String expiresOn, Map<String, String> errors) {
        return applyConfirm.data("needId", needId).data("productId", product.getId().toString()).data("product", product)
                .data("bankNames", my.bankNames())
                .data("preview", ConsentPreview.of(reference.listDataCategories(), me, checked))
                .data("expiresOn", expiresOn).data("errors", errors).data("project", null).data("gap", Map.of())
                .data("checklist", checklist(me, product));
    }

    /**
     * What the product requires against the enterprise's uploaded documents; null when enterprise-service does not
     * know the product (yet) or cannot answer: the page then shows no checklist rather than failing the apply step.
     */
    private MaterialsChecklistView checklist(EnterpriseView me, ProductView product) {
        try {
            return materials.productMaterialsChecklist(me.getId(), product.getId());
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return null;
        }
    }

    private static String defaultExpiry() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();
    }
}
