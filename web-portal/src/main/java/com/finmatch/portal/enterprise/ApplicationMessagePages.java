package com.finmatch.portal.enterprise;

import com.finmatch.portal.messages.LeadThread;
import com.finmatch.portal.web.Forms;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The enterprise's side of an application's message thread with the product's bank (kept by loan-service with the
 * lead), linked from each application on the applications page.
 */
@Path("/enterprise/applications/{id}/messages")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class ApplicationMessagePages {

    private static final String BACK = "/enterprise/applications";

    @Inject
    LeadThread thread;

    @GET
    public TemplateInstance messages(@PathParam("id") String id, @QueryParam("done") String done) {
        Forms.requireUuid(id);
        return thread.page(UUID.fromString(id), BACK, self(id), done, Map.of(), null);
    }

    @POST
    public Object post(@PathParam("id") String id, @RestForm String body) {
        Forms.requireUuid(id);
        return thread.post(UUID.fromString(id), body, BACK, self(id));
    }

    private static String self(String id) {
        return BACK + "/" + id + "/messages";
    }
}
