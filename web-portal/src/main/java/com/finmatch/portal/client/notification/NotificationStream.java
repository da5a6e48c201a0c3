package com.finmatch.portal.client.notification;

import com.finmatch.portal.client.AccessTokenPropagation;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * notification-service's live stream, through the same {@link NotificationClient} at the same URL and with the user's
 * token, but built with a read timeout of an hour: a user's stream may stay quiet for long, while the page calls (the
 * badge on every page) keep the short timeouts of {@code quarkus.rest-client.notification-service.*}.
 */
@ApplicationScoped
public class NotificationStream {

    private volatile NotificationClient client;

    /** The caller's new notifications as SSE events (named {@code notification}, each a {@link Notification}). */
    public Multi<SseEvent<String>> events() {
        return client().stream();
    }

    private NotificationClient client() {
        NotificationClient c = client;
        if (c == null) {
            String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.notification-service.url", String.class);
            c = RestClientBuilder.newBuilder().baseUri(URI.create(url)).connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(1, TimeUnit.HOURS).register(AccessTokenPropagation.class).build(NotificationClient.class);
            client = c;
        }
        return c;
    }
}
