package com.finmatch.notification.api;

import com.finmatch.notification.service.ContactBook;
import com.finmatch.notification.service.InboxService;
import com.finmatch.notification.service.NotificationFeed;
import com.finmatch.notification.security.Recipient;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** The caller's inbox: their notifications (their own, their bank's, the administrators'), read state, live stream. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    @Inject
    InboxService inbox;

    @Inject
    NotificationFeed feed;

    @Inject
    ContactBook contacts;

    @Inject
    Recipient me;

    @GET
    @Path("/mine")
    public PageResponse<NotificationView> listMyNotifications(@BeanParam @Valid PageRequest page) {
        contacts.remember(me.subject(), me.email().orElse(null), me.bankId().orElse(null), me.isAdmin());
        PageResponse<InboxService.Item> found = inbox.mine(me.subject(), me.audiences(), page);
        return new PageResponse<>(found.items().stream().map(i -> NotificationView.of(i.notification(), i.read()))
                .toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/mine/unread-count")
    public UnreadCount countMyUnreadNotifications() {
        return new UnreadCount(inbox.unread(me.subject(), me.audiences()));
    }

    @POST
    @Path("/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked read for the caller")
    public void markNotificationRead(@PathParam("id") UUID id) {
        inbox.markRead(me.subject(), me.audiences(), id);
    }

    @POST
    @Path("/mine/read-all")
    @APIResponse(responseCode = "204", description = "Every notification of the caller marked read for them")
    public void markAllMyNotificationsRead() {
        inbox.markAllRead(me.subject(), me.audiences());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // remembers the caller's address and bank first (a database write); the stream itself is not blocking
    @APIResponse(responseCode = "200", description = "Server-Sent Events (text/event-stream) until the client leaves "
            + "or the token that opened it expires: one event named `notification` for each new notification of the "
            + "caller's audiences, its `data` a NotificationView as JSON; nothing is replayed on connecting",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    description = "an endless text/event-stream; each event's data is a NotificationView (JSON)",
                    contentMediaType = MediaType.APPLICATION_JSON, contentSchema = NotificationView.class)))
    public Multi<OutboundSseEvent> streamMyNotifications(@Context Sse sse) {
        contacts.remember(me.subject(), me.email().orElse(null), me.bankId().orElse(null), me.isAdmin());
        return feed.stream(me.subject(), me.audiences(), me.tokenExpiry())
                .map(n -> sse.newEventBuilder().name("notification").id(n.id.toString())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(NotificationView.class, NotificationView.of(n, false)).build());
    }

    /** 429 problem+json: the user holds as many live streams as allowed. */
    @ServerExceptionMapper
    public Response tooManyStreams(NotificationFeed.TooManyStreams e) {
        return Response.status(429).header("Retry-After", "30").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(429, "Too many requests", e.getMessage())).build();
    }
}
