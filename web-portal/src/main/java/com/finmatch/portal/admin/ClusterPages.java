package com.finmatch.portal.admin;

import com.finmatch.portal.web.ReferenceData;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The city's industrial clusters. */
@Path("/admin/clusters")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.INDUSTRY_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class ClusterPages {

    @Inject
    @Location("admin/clusters.html")
    Template clusters;

    @GET
    public TemplateInstance clusters() {
        return clusters.data("codes", ReferenceData.CLUSTERS);
    }
}
