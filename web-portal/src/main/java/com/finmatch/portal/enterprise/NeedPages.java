package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.api.FinancingNeedResourceApi;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.FinancingNeedRequest;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The enterprise's financing needs: open one (optionally for a major project), withdraw one. */
@Path("/enterprise/needs")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class NeedPages {

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    FinancingNeedResourceApi needApi;

    @Inject
    @Location("enterprise/need.html")
    Template needForm;

    @GET
    @Path("new")
    public TemplateInstance newNeed() {
        EnterpriseView me = my.require();
        return needForm.data("e", me).data("v", Map.of()).data("errors", Map.of()).data("problem", null)
                .data("projects", my.projects(me.getId()));
    }

    @POST
    public Object openNeed(@RestForm String amount, @RestForm String termMonths, @RestForm String purpose,
            @RestForm List<String> guaranteeTypes, @RestForm String maxAnnualRate, @RestForm String neededBy,
            @RestForm String projectId) {
        EnterpriseView me = my.require();
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "amount", Forms.number(amount));
        Forms.put(body, "termMonths", Forms.number(termMonths));
        Forms.put(body, "purpose", Forms.text(purpose));
        body.put("guaranteeTypes", Forms.list(guaranteeTypes));
        Forms.put(body, "maxAnnualRate", Forms.number(maxAnnualRate));
        Forms.put(body, "neededBy", Forms.text(neededBy));
        Forms.put(body, "projectId", Forms.isUuid(projectId) ? projectId : null);
        return FormPost.submit(() -> needApi.openNeed(me.getId(), ClientJson.request(body, FinancingNeedRequest.class)),
                "/enterprise/recommendations?done=need_opened", Set.of(409),
                p -> needForm.data("e", me).data("v", body).data("errors", p.fieldErrors()).data("problem", p)
                        .data("projects", my.projects(me.getId())));
    }

    @POST
    @Path("{needId}/withdraw")
    public Response withdrawNeed(@PathParam("needId") String needId) {
        EnterpriseView me = my.require();
        Forms.requireUuid(needId);
        needApi.withdrawNeed(me.getId(), UUID.fromString(needId));
        return Response.seeOther(URI.create("/enterprise?done=need_withdrawn")).build();
    }
}
