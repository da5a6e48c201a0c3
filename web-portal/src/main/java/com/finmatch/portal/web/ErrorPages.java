package com.finmatch.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a clear page in the user's language — expired session, no permission, not found, a service
 * that does not answer — and never a stack trace.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    @Location("error.html")
    Template error;

    /** A service is down or unreachable (connection refused, timeout). */
    @ServerExceptionMapper
    public Response serviceUnreachable(ProcessingException e) {
        LOG.warnf("a service did not answer: %s", e.getMessage());
        return page(503, "service_down");
    }

    /** A service answered with an error the page did not handle itself. */
    @ServerExceptionMapper
    public Response serviceRefused(ClientWebApplicationException e) {
        int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
        return switch (status) {
            case 401 -> page(401, "session_expired");
            case 403 -> page(403, "forbidden");
            case 404 -> page(404, "not_found");
            case 409, 412, 422 -> page(409, "conflict");
            default -> {
                if (status >= 500) {
                    LOG.warnf("a service failed with %d: %s", status, e.getMessage());
                    yield page(503, "service_down");
                }
                yield page(400, "bad_request");
            }
        };
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "forbidden");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return page(401, "session_expired");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "not_found");
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404) {
            return page(404, "not_found");
        }
        if (status == 403) {
            return page(403, "forbidden");
        }
        if (status < 500) {
            return page(status, "bad_request");
        }
        LOG.error("request failed", e);
        return page(500, "internal");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return page(500, "internal");
    }

    Response page(int status, String kind) {
        // quiet: an error page may render on the I/O thread, which must not wait for notification-service's badge
        String html = error.data("status", status).data("kind", kind).data("quiet", true).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
