package com.finmatch.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request bodies: the portal's forms are a few KiB, so a body above 256 KiB is refused with 413 before it is read —
 * except a document upload ({@code POST /enterprise/documents}), which may carry a file of up to 10 MiB (the
 * server-wide {@code quarkus.http.limits.max-body-size} is set just above that for it, and enterprise-service refuses a
 * larger file with its own 413, shown on the page). A body sent without its length (chunked; browsers send the length
 * of every form) is bounded only by that server-wide limit.
 */
@ApplicationScoped
public class BodyLimits {
    public static final long FORM_MAX = 256 * 1024;
    static final String DOCUMENT_UPLOAD = "/enterprise/documents";

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == HttpMethod.POST && DOCUMENT_UPLOAD.equals(request.path())) {
            ctx.next();
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, 400);
                return;
            }
            if (bytes > FORM_MAX) {
                refuse(ctx, 413);
                return;
            }
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close").end();
    }
}
