package com.finmatch.portal.client.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * notification-service, called with the signed-in user's access token (configured like the generated clients):
 * the user's own inbox, its unread count, marking read, the live stream and the preferences. Written by hand with
 * typed records (as {@code rest-fights/…/client/Hero.java} in quarkus-super-heroes) until notification-service commits
 * its OpenAPI document under {@code docs/openapi/}; then it becomes a generated client like the other three.
 */
@RegisterRestClient(configKey = "notification-service")
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationClient {

    /** The caller's notifications, newest first. */
    @GET
    @Path("/mine")
    NotificationPage mine(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Asynchronous: a page's header reads it while the page renders, on whichever thread that is. */
    @GET
    @Path("/mine/unread-count")
    Uni<UnreadCount> unreadCount();

    /** Marks one of the caller's notifications read (204); another user's is 404. */
    @POST
    @Path("/{id}/read")
    void markRead(@PathParam("id") UUID id);

    @POST
    @Path("/mine/read-all")
    void markAllRead();

    /** The caller's new notifications as they arrive: SSE events named {@code notification}, each a {@link Notification}. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream();

    @GET
    @Path("/preferences")
    Preferences preferences();

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    void savePreferences(Preferences preferences);
}
