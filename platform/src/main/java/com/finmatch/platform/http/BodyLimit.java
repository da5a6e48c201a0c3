package com.finmatch.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, with a 413
 * problem+json like every other error (Vert.x's own refusal, for a body that grows past the limit unannounced, has
 * no body of its own).
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        long bytes;
        try {
            bytes = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes > limit.asLongValue()) {
            String detail = "the body has " + bytes + " bytes; at most " + limit.asLongValue() + " are accepted";
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end("{\"type\":\"https://finmatch.example/problems/413\",\"title\":\"Payload too large\","
                            + "\"status\":413,\"detail\":\"" + detail + "\",\"violations\":[{\"field\":\"body\","
                            + "\"message\":\"" + detail + "\"}]}");
            return;
        }
        context.next();
    }
}
