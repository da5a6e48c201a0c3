package com.finmatch.matching.api;

import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/**
 * The {@code from} and {@code to} query parameters of a KPI, scorecard or match query (ISO-8601 times or dates,
 * both optional, {@code to} after {@code from}); use with {@code @BeanParam @Valid}.
 */
public class Period {

    /** The longest {@code from} or {@code to} accepted: an ISO-8601 time with nanoseconds and offset is 35. */
    private static final int MAX_TIME = 64;
    private static final String TIME_LENGTH = "must be at most " + MAX_TIME + " characters";

    @QueryParam("from")
    @Size(max = MAX_TIME, message = TIME_LENGTH)
    public String from;

    @QueryParam("to")
    @Size(max = MAX_TIME, message = TIME_LENGTH)
    public String to;

    /** The start, inclusive; null when open. */
    Instant start() {
        return InputBounds.instant("from", from, false);
    }

    /** The end, exclusive (a date means the end of that day); null when open; 400 when not after the start. */
    Instant end() {
        Instant start = start();
        Instant end = InputBounds.instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return end;
    }
}
