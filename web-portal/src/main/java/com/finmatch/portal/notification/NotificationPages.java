package com.finmatch.portal.notification;

import com.finmatch.portal.client.notification.Notification;
import com.finmatch.portal.client.notification.NotificationClient;
import com.finmatch.portal.client.notification.NotificationPage;
import com.finmatch.portal.client.notification.NotificationStream;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Every signed-in user's notifications: the inbox (20 a page, unread ones marked), marking one read (then following
 * its link) or all, and the live relay of notification-service's stream with the user's token (the browser never sees
 * it). When notification-service does not answer, the inbox says so instead of failing.
 */
@Path("/notifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {
    static final int SIZE = 20;
    static final String EVENT = "notification";

    @Inject
    @RestClient
    NotificationClient notifications;

    @Inject
    NotificationStream live;

    @Inject
    @Location("notifications.html")
    Template inbox;

    @GET
    public TemplateInstance inbox(@QueryParam("page") Integer page, @QueryParam("done") String done) {
        int n = Paged.number(page);
        Paged<Notification> paged;
        try {
            paged = Paged.of(notifications.mine(n, SIZE), NotificationPage::items, NotificationPage::total, n, SIZE);
        } catch (RuntimeException e) {
            SoftFailure.unlessSessionExpired(e);
            paged = null;
        }
        return inbox.data("paged", paged).data("unavailable", paged == null).data("done", done);
    }

    /** Marks the notification read, then follows its link when it is one of the portal's own pages. */
    @POST
    @Path("{id}/read")
    public Response markRead(@PathParam("id") String id, @FormParam("link") String link) {
        UUID notificationId = uuid(id);
        try {
            notifications.markRead(notificationId);
        } catch (RuntimeException e) {
            SoftFailure.unlessRefused(e);
            return Response.seeOther(URI.create("/notifications")).build();
        }
        return Response.seeOther(URI.create(localPath(link) ? link : "/notifications")).build();
    }

    @POST
    @Path("read-all")
    public Response markAllRead() {
        try {
            notifications.markAllRead();
        } catch (RuntimeException e) {
            SoftFailure.unlessRefused(e);
            return Response.seeOther(URI.create("/notifications")).build();
        }
        return Response.seeOther(URI.create("/notifications?done=notifications_read")).build();
    }

    /**
     * The user's new notifications as they arrive: notification-service's SSE stream relayed with the user's token,
     * each {@code notification} event's item JSON as the data of one event. When notification-service does not answer,
     * the stream just ends (the page keeps what it shows).
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<String> stream() {
        return live.events()
                .filter(e -> (e.name() == null || EVENT.equals(e.name())) && e.data() != null && !e.data().isBlank())
                .map(SseEvent::data)
                .onFailure().recoverWithCompletion();
    }

    /**
     * A link the inbox may send the browser to: a path of this portal ({@code /enterprise/applications}), never another
     * site ({@code //evil.example}, {@code https://…}, {@code /\evil}).
     */
    static boolean localPath(String link) {
        return link != null && link.length() <= 2000 && link.startsWith("/") && !link.startsWith("//")
                && !link.startsWith("/\\") && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
