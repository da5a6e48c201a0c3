package com.finmatch.portal.admin;

import com.finmatch.portal.client.DeadLetterClients;
import com.finmatch.portal.client.enterprise.model.DeadLetter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The administrator's dead letters of every service: what failed and why, re-driven one by one or all at once. */
@Path("/admin/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class DeadLetterPages {

    /** One service's dead letters; {@code down} when the service could not be asked. */
    @io.quarkus.qute.TemplateData
    public record ServiceLetters(String service, List<DeadLetter> letters, boolean down) {
    }

    @Inject
    DeadLetterClients clients;

    @Inject
    @Location("admin/dead-letters.html")
    Template page;

    @GET
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("failed") String failed) {
        List<ServiceLetters> services = new ArrayList<>();
        for (String service : DeadLetterClients.SERVICES) {
            try {
                services.add(new ServiceLetters(service, clients.list(service), false));
            } catch (RuntimeException e) {
                services.add(new ServiceLetters(service, List.of(), true));
            }
        }
        return page.data("services", services).data("done", done).data("failed", failed);
    }

    @POST
    @Path("{service}/{id}/redrive")
    public Response redrive(@PathParam("service") String service, @PathParam("id") String id) {
        if (!id.matches("[A-Za-z0-9._-]{1,249}:\\d{1,9}:\\d{1,18}")) {
            throw new NotFoundException();
        }
        try {
            clients.redrive(service, id);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                return back("failed=dl_redriven_already");
            }
            throw e;
        }
        return back("done=dl_redriven");
    }

    @POST
    @Path("{service}/redrive-all")
    public Response redriveAll(@PathParam("service") String service) {
        clients.redriveAll(service);
        return back("done=dl_redriven_all");
    }

    private static Response back(String query) {
        return Response.seeOther(URI.create("/admin/dead-letters?" + query)).build();
    }
}
