package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.enterprise.api.ProjectResourceApi;
import com.finmatch.portal.client.enterprise.model.ProjectRequest;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The enterprise's entries in the major-project library: the list and registering one. */
@Path("/enterprise/projects")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class ProjectPages {

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    ProjectResourceApi projectApi;

    @Inject
    @Location("enterprise/projects.html")
    Template projects;

    @GET
    public TemplateInstance projects(@QueryParam("done") String done) {
        return projects.data("projects", my.projects(my.require().getId())).data("done", done).data("v", Map.of())
                .data("errors", Map.of());
    }

    @POST
    public Object registerProject(@RestForm String name, @RestForm String description,
            @RestForm String investmentAmount, @RestForm String financingGap, @RestForm String stage,
            @RestForm String termMonths) {
        UUID id = my.require().getId();
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "description", Forms.text(description));
        Forms.put(body, "investmentAmount", Forms.number(investmentAmount));
        Forms.put(body, "financingGap", Forms.number(financingGap));
        Forms.put(body, "stage", Forms.text(stage));
        Forms.put(body, "termMonths", Forms.number(termMonths));
        return FormPost.submit(() -> projectApi.registerProject(id, ClientJson.request(body, ProjectRequest.class)),
                "/enterprise/projects?done=project_registered",
                p -> projects.data("projects", my.projects(id)).data("done", null).data("v", body)
                        .data("errors", p.fieldErrors()));
    }
}
