package com.finmatch.platform.audit;

import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/**
 * The audit trail's search (list and export): {@code actor} (token subject or user name, exact), {@code action}
 * (contained in "METHOD /route/{template}", any case), {@code object} (an id of the path, exact), {@code from}
 * (inclusive) and {@code to} (exclusive, after {@code from}) as ISO-8601 times or dates, as every period the services
 * take ({@link InputBounds#instant}). Use with {@code @BeanParam @Valid}.
 */
public class AuditQuery {

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
        return InputBounds.instant("from", from, false);
    }

    /** The end, exclusive (a date means the end of that day); 400 when not after {@code from}. */
    Instant toInstant() {
        Instant start = fromInstant();
        Instant end = InputBounds.instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return end;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
