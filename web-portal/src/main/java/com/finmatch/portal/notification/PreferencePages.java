package com.finmatch.portal.notification;

import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.notification.NotificationClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Which notifications a user receives, in the portal and by e-mail, and the address e-mail goes to. */
@Path("/notifications/preferences")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PreferencePages {
    static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    @RestClient
    NotificationClient notifications;

    @Inject
    @Location("notification-preferences.html")
    Template page;

    @GET
    public TemplateInstance form(@QueryParam("done") String done) {
        try {
            return page(PreferenceGrid.of(notifications.preferences()), Map.of()).data("done", done);
        } catch (RuntimeException e) {
            SoftFailure.unlessSessionExpired(e);
            return page(null, Map.of()).data("unavailable", true);
        }
    }

    /** Saves every box of the grid (ticked or not) and the address; a bad address is shown on the form. */
    @POST
    public Response save(@FormParam("on") List<String> on, @FormParam("email") String email) {
        PreferenceGrid grid;
        try {
            grid = PreferenceGrid.of(notifications.preferences()).with(on, blankToNull(email));
        } catch (RuntimeException e) {
            SoftFailure.unlessSessionExpired(e);
            return Response.status(503).entity(page(null, Map.of()).data("unavailable", true))
                    .type(MediaType.TEXT_HTML).build();
        }
        if (grid.email() != null && (grid.email().length() > EMAIL_MAX || !EMAIL.matcher(grid.email()).matches())) {
            return refused(grid, Map.of("email", "notification_email_invalid"));
        }
        try {
            notifications.savePreferences(grid.toPreferences());
        } catch (WebApplicationException e) {
            Problem problem = Problem.of(e);
            if (problem.invalid()) {
                return refused(grid, problem.fieldErrors().isEmpty()
                        ? Map.of("email", problem.detail() == null ? "-" : problem.detail()) : problem.fieldErrors());
            }
            throw e;
        }
        return Response.seeOther(URI.create("/notifications/preferences?done=preferences_saved")).build();
    }

    private TemplateInstance page(PreferenceGrid grid, Map<String, String> errors) {
        return page.data("grid", grid).data("errors", errors).data("unavailable", false).data("done", null);
    }

    private Response refused(PreferenceGrid grid, Map<String, String> errors) {
        return Response.status(400).entity(page(grid, errors)).type(MediaType.TEXT_HTML).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
