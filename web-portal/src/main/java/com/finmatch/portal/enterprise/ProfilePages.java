package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.enterprise.api.ApplicationResourceApi;
import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.model.ApplicationView;
import com.finmatch.portal.client.enterprise.model.EnterpriseRequest;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.PageResponseApplicationView;
import com.finmatch.portal.web.EditForm;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import com.finmatch.portal.web.Uscc;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The enterprise's home (profile, needs, applications at a glance) and its profile form (register, edit). */
@Path("/enterprise")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {
    /** The profile form: what it shows; everything else of the profile (contacts, revenue growth …) is kept. */
    static final EditForm PROFILE_FORM = new EditForm(Set.of("uscc", "name", "legalRepresentative", "foundedOn",
            "registeredCapital", "districtCode", "industryCode", "clusterCode", "sizeClass", "tags", "employees",
            "annualRevenue", "netProfit", "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents",
            "creditRating", "listingIntention", "targetBoard"));

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    EnterpriseResourceApi enterprises;

    @Inject
    @RestClient
    ApplicationResourceApi applicationApi;

    @Inject
    @Location("enterprise/home.html")
    Template home;

    @Inject
    @Location("enterprise/profile.html")
    Template profile;

    @GET
    public Response home(@QueryParam("done") String done) {
        EnterpriseView me = my.mine();
        if (me == null) {
            return Response.seeOther(URI.create("/enterprise/profile")).build();
        }
        List<ApplicationView> apps = Paged.all(n -> applicationApi.myApplications(n, Paged.MAX),
                PageResponseApplicationView::getItems, PageResponseApplicationView::getTotal);
        return Response.ok(home.data("e", me).data("needs", my.needs(me.getId())).data("apps", apps).data("done", done))
                .build();
    }

    @GET
    @Path("profile")
    public TemplateInstance profileForm() {
        EnterpriseView me = my.mine();
        return profile.data("v", me == null ? Map.of() : me).data("errors", Map.of()).data("registered", me != null)
                .data("version", me == null ? null : me.getVersion()).data("problem", null);
    }

    @POST
    @Path("profile")
    public Object saveProfile(@RestForm String id, @RestForm String version, @RestForm String uscc,
            @RestForm String name, @RestForm String legalRepresentative, @RestForm String foundedOn,
            @RestForm String registeredCapital, @RestForm String districtCode, @RestForm String industryCode,
            @RestForm String clusterCode, @RestForm String sizeClass, @RestForm List<String> tags,
            @RestForm String employees, @RestForm String annualRevenue, @RestForm String netProfit,
            @RestForm String totalAssets, @RestForm String totalLiabilities, @RestForm String taxPaid,
            @RestForm String rdRatio, @RestForm String patents, @RestForm String creditRating,
            @RestForm String listingIntention, @RestForm String targetBoard) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "uscc", Forms.text(uscc) == null ? null : Forms.text(uscc).toUpperCase());
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "legalRepresentative", Forms.text(legalRepresentative));
        Forms.put(body, "foundedOn", Forms.text(foundedOn));
        Forms.put(body, "registeredCapital", Forms.number(registeredCapital));
        Forms.put(body, "districtCode", Forms.text(districtCode));
        Forms.put(body, "industryCode", Forms.text(industryCode));
        Forms.put(body, "clusterCode", Forms.text(clusterCode));
        Forms.put(body, "sizeClass", Forms.text(sizeClass));
        body.put("tags", Forms.list(tags));
        Forms.put(body, "employees", Forms.number(employees));
        Forms.put(body, "annualRevenue", Forms.number(annualRevenue));
        Forms.put(body, "netProfit", Forms.number(netProfit));
        Forms.put(body, "totalAssets", Forms.number(totalAssets));
        Forms.put(body, "totalLiabilities", Forms.number(totalLiabilities));
        Forms.put(body, "taxPaid", Forms.number(taxPaid));
        Forms.put(body, "rdRatio", Forms.number(rdRatio));
        Forms.put(body, "patents", Forms.number(patents));
        Forms.put(body, "creditRating", Forms.text(creditRating));
        Forms.put(body, "listingIntention", Forms.text(listingIntention));
        Forms.put(body, "targetBoard", Forms.text(targetBoard));

        boolean registered = Forms.isUuid(id);
        Map<String, String> errors = new LinkedHashMap<>();
        String usccProblem = Uscc.problem((String) body.get("uscc"));
        if (usccProblem != null) {
            errors.put("uscc", usccProblem);
            return rerender(body, id, version, registered, errors, null);
        }
        return FormPost.submit(() -> {
            if (registered) {
                UUID enterpriseId = UUID.fromString(id);
                EnterpriseView stored = enterprises.getEnterprise(enterpriseId);
                enterprises.updateEnterprise(enterpriseId, PROFILE_FORM.overlay(stored, body, EnterpriseRequest.class),
                        EditForm.ifMatch(version));
            } else {
                enterprises.registerEnterprise(ClientJson.request(body, EnterpriseRequest.class));
            }
        }, "/enterprise?done=" + (registered ? "profile_saved" : "registered"), Set.of(409, 412, 428), p -> {
            errors.putAll(p.fieldErrors());
            return rerender(body, id, version, registered, errors, p);
        });
    }

    private TemplateInstance rerender(Map<String, Object> body, String id, String version, boolean registered,
            Map<String, String> errors, Problem problem) {
        Map<String, Object> values = new LinkedHashMap<>(body);
        if (registered) {
            values.put("id", id);
        }
        return profile.data("v", values).data("errors", errors).data("registered", registered)
                .data("version", version).data("problem", problem);
    }
}
