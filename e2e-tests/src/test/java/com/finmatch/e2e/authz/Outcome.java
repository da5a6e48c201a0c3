package com.finmatch.e2e.authz;

import java.util.EnumSet;
import java.util.Set;

/** What an answer means for authorization: let through (any 2xx or a business 4xx), 404, 403, 401, or a 5xx. */
enum Outcome {
    OK, NOT_FOUND, FORBIDDEN, UNAUTHORIZED, SERVER_ERROR;

    static Outcome of(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            default -> status >= 500 || status < 0 ? SERVER_ERROR : OK;
        };
    }

    static Set<Outcome> only(Outcome o) {
        return EnumSet.of(o);
    }

    String code() {
        return switch (this) {
            case OK -> "ok";
            case NOT_FOUND -> "404";
            case FORBIDDEN -> "403";
            case UNAUTHORIZED -> "401";
            case SERVER_ERROR -> "5xx";
        };
    }
}
