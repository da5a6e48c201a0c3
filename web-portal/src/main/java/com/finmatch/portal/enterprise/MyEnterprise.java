package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.api.ProjectResourceApi;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.FinancingNeedView;
import com.finmatch.portal.client.enterprise.model.PageResponseFinancingNeedView;
import com.finmatch.portal.client.enterprise.model.PageResponseProjectView;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.Paged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The signed-in user's enterprise and the lists every enterprise page reads, through the generated clients. */
@ApplicationScoped
public class MyEnterprise {

    @Inject
    @RestClient
    EnterpriseResourceApi enterprises;

    @Inject
    @RestClient
    FinancingNeedResourceApi needApi;

    @Inject
    @RestClient
    ProjectResourceApi projectApi;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    /** The caller's enterprise, or null before registration (enterprise-service answers 404). */
    public EnterpriseView mine() {
        try {
            return enterprises.myEnterprise();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The caller's enterprise; before registration the browser is sent to the registration form. */
    public EnterpriseView require() {
        EnterpriseView me = mine();
        if (me == null) {
            throw new WebApplicationException(Response.seeOther(URI.create("/enterprise/profile")).build());
        }
        return me;
    }

    /** Every financing need of the enterprise, read to the end. */
    public List<FinancingNeedView> needs(UUID enterpriseId) {
        return Paged.all(n -> needApi.listNeeds(enterpriseId, n, Paged.MAX, null),
                PageResponseFinancingNeedView::getItems, PageResponseFinancingNeedView::getTotal);
    }

    /** Every major project of the enterprise, read to the end. */
    public List<ProjectView> projects(UUID enterpriseId) {
        return Paged.all(n -> projectApi.listProjects(enterpriseId, n, Paged.MAX),
                PageResponseProjectView::getItems, PageResponseProjectView::getTotal);
    }

    /** Banks' names for labels; when loan-service does not answer, the pages show the bank ids instead. */
    public Map<String, String> bankNames() {
        return CatalogueResource.bankNames(CatalogueResource.banksOrNone(bankRegistry));
    }
}
