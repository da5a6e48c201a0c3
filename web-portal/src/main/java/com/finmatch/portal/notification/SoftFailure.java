package com.finmatch.portal.notification;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * notification-service is optional for a page: when it is down, slow or failing, pages render without it. What it
 * answers about the request itself still counts: an expired session (401) is the login again, and for a change a
 * refusal (400–499: not yours, not found) is the error page.
 */
final class SoftFailure {

    private SoftFailure() {
    }

    /** Rethrows {@code e} when it is not a failure of notification-service to answer or an expired session. */
    static void unlessSessionExpired(RuntimeException e) {
        if (e instanceof WebApplicationException w && status(w) == 401) {
            throw e;
        }
        if (!(e instanceof WebApplicationException) && !(e instanceof ProcessingException)) {
            throw e;
        }
    }

    /** Rethrows {@code e} unless notification-service failed to answer (unreachable, or a 5xx). */
    static void unlessRefused(RuntimeException e) {
        if (e instanceof ProcessingException) {
            return;
        }
        if (e instanceof WebApplicationException w && status(w) >= 500) {
            return;
        }
        throw e;
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 500 : e.getResponse().getStatus();
    }
}
