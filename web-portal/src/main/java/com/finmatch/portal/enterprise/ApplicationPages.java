package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.enterprise.api.ApplicationResourceApi;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.model.ApplicationRequest;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.PageResponseApplicationView;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The enterprise's applications: applying (after the confirm step, {@link ApplyPages}), the timeline, withdrawing. */
@Path("/enterprise/applications")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    @Inject
    MyEnterprise my;

    @Inject
    ApplyPages applyStep;

    @Inject
    @RestClient
    ApplicationResourceApi applicationApi;

    @Inject
    @RestClient
    FinancingNeedResourceApi needApi;

    @Inject
    @Location("enterprise/applications.html")
    Template applications;

    @GET
    public TemplateInstance applications(@QueryParam("done") String done, @QueryParam("failed") String failed) {
        my.require();
        return applications.data("apps", Paged.all(n -> applicationApi.myApplications(n, Paged.MAX),
                PageResponseApplicationView::getItems, PageResponseApplicationView::getTotal))
                .data("done", done).data("failed", failed).data("bankNames", my.bankNames());
    }

    /**
     * Applies: {@code share=consent} with the chosen consent, {@code share=anonymous} without one. Without
     * {@code share} (a recommendation's apply button) it sends the browser to the confirm page first. For a major
     * project's financing gap ({@code projectId} instead of {@code needId}) it applies against the project's need.
     */
    @POST
    public Object apply(@RestForm String needId, @RestForm String productId, @RestForm String share,
            @RestForm List<String> categories, @RestForm String expiresOn, @BeanParam ProjectGapForm gap) {
        EnterpriseView me = my.require();
        Forms.requireUuid(productId);
        boolean forProject = !Forms.isUuid(needId) && gap.present();
        if (!forProject) {
            Forms.requireUuid(needId);
        }
        boolean withConsent = "consent".equals(share);
        if (!withConsent && !"anonymous".equals(share)) {
            String target = forProject ? "projectId=" + gap.projectId : "needId=" + needId;
            return Response.seeOther(URI.create("/enterprise/apply?" + target + "&productId=" + productId)).build();
        }
        ProjectView project = forProject ? applyStep.project(me, gap.projectId) : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        if (withConsent) {
            List<String> chosen = Forms.list(categories);
            if (chosen.isEmpty()) {
                return applyStep.again(me, needId, productId, project, gap, chosen, expiresOn,
                        Map.of("categories", "choose_category"));
            }
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("categories", chosen);
            consent.put("expiresAt", ExpiryDate.expiresAt(expiresOn));
            body.put("consent", consent);
        }
        try {
            body.put("financingNeedId", forProject ? gap.needFor(my, needApi, me.getId(), project) : needId);
            applicationApi.submitApplication(ClientJson.request(body, ApplicationRequest.class));
            return Response.seeOther(URI.create("/enterprise/applications?done="
                    + (withConsent ? "applied_with_consent" : "applied"))).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 409) {
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=already_applied")).build();
            }
            if (status == 422) {
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=not_published")).build();
            }
            Problem p = Problem.of(e);
            if ((withConsent || forProject) && p.invalid()) {
                return applyStep.again(me, needId, productId, project, gap, Forms.list(categories), expiresOn,
                        ExpiryDate.asFormField(p.fieldErrors()));
            }
            throw e;
        }
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdrawApplication(@PathParam("id") String id) {
        Forms.requireUuid(id);
        applicationApi.withdrawApplication(UUID.fromString(id));
        return Response.seeOther(URI.create("/enterprise/applications?done=application_withdrawn")).build();
    }

    /** Answers the bank's 补件 request once the materials are uploaded; 409 (something missing) says so. */
    @POST
    @Path("{id}/materials-submitted")
    public Response submitMaterials(@PathParam("id") String id) {
        Forms.requireUuid(id);
        try {
            applicationApi.submitMaterials(UUID.fromString(id));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                return Response.seeOther(URI.create("/enterprise/applications?failed=materials_missing")).build();
            }
            throw e;
        }
        return Response.seeOther(URI.create("/enterprise/applications?done=materials_submitted")).build();
    }
}
