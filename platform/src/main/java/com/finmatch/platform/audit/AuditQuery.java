package com.finmatch.platform.audit;

import com.finmatch.platform.http.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The audit trail's search (list and export): {@code actor} (token subject or user name, exact), {@code action}
 * (contained in "METHOD /route/{template}", any case), {@code object} (an id of the path, exact), {@code from}
 * (inclusive) and {@code to} (exclusive) as ISO-8601 instants. Use with {@code @BeanParam @Valid}.
 */
public class AuditQuery {

    /** PostgreSQL's timestamps (and every other date the services take) stay within the years 1 to 9999. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @QueryParam("actor")
    @Size(max = 200)
    public String actor;

    @QueryParam("action")
    @Size(max = 500)
    public String action;

    @QueryParam("object")
    @Size(max = 200)
    public String object;

    @QueryParam("from")
    @Size(max = 35)
    public String from;

    @QueryParam("to")
    @Size(max = 35)
    public String to;

    Instant fromInstant() {
        return instant("from", from);
    }

    Instant toInstant() {
        return instant("to", to);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.invalid(field, "must be within the years 1 to 9999");
        }
        return instant;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
