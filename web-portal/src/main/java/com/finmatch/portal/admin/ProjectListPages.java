package com.finmatch.portal.admin;

import com.finmatch.portal.client.enterprise.api.EnterpriseResourceApi;
import com.finmatch.portal.client.enterprise.api.ProjectSearchResourceApi;
import com.finmatch.portal.client.enterprise.model.PageResponseProjectView;
import com.finmatch.portal.client.enterprise.model.ProjectView;
import com.finmatch.portal.web.Forms;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The major-project library (enterprise-service), filtered by cluster and district, a page at a time. */
@Path("/admin/projects")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.INDUSTRY_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class ProjectListPages {
    static final int PROJECTS_PAGE = 50;

    @Inject
    @RestClient
    ProjectSearchResourceApi projectLibrary;

    @Inject
    @RestClient
    EnterpriseResourceApi enterprises;

    @Inject
    @Location("admin/projects.html")
    Template projects;

    /**
     * The library as enterprise-service pages it, with each project's enterprise named; a failure of either call is
     * the error page, never a shorter list.
     */
    @GET
    public TemplateInstance projects(@QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("page") Integer page) {
        int n = Paged.number(page);
        Paged<ProjectView> found = Paged.of(projectLibrary.searchProjects(Forms.text(cluster), Forms.text(district), null,
                n, PROJECTS_PAGE, null), PageResponseProjectView::getItems, PageResponseProjectView::getTotal, n,
                PROJECTS_PAGE);
        Map<UUID, String> names = new LinkedHashMap<>();
        for (ProjectView p : found.items()) {
            if (p.getEnterpriseId() != null) {
                names.computeIfAbsent(p.getEnterpriseId(), id -> enterprises.getEnterprise(id).getName());
            }
        }
        StringBuilder base = new StringBuilder("/admin/projects?");
        for (String[] kv : new String[][] {{"cluster", Forms.text(cluster)}, {"district", Forms.text(district)}}) {
            if (kv[1] != null) {
                base.append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).append('&');
            }
        }
        return projects.data("pages", found).data("names", names).data("base", base.toString())
                .data("cluster", Forms.text(cluster)).data("district", Forms.text(district));
    }
}
