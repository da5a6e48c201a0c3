package com.finmatch.portal.bank;

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

/** The bank's side of a lead's message thread with the enterprise that applied, linked from the lead page. */
@Path("/bank/leads/{id}/messages")
@RolesAllowed("bank")
@Produces(MediaType.TEXT_HTML)
public class LeadMessagePages {

    @Inject
    LeadThread thread;

    @GET
    public TemplateInstance messages(@PathParam("id") String id, @QueryParam("done") String done) {
        Forms.requireUuid(id);
        return thread.page(UUID.fromString(id), back(id), self(id), done, Map.of(), null);
    }

    @POST
    public Object post(@PathParam("id") String id, @RestForm String body) {
        Forms.requireUuid(id);
        return thread.post(UUID.fromString(id), body, back(id), self(id));
    }

    private static String back(String id) {
        return "/bank/leads/" + id;
    }

    private static String self(String id) {
        return "/bank/leads/" + id + "/messages";
    }
}
