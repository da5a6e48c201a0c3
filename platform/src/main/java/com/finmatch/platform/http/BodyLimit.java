package com.finmatch.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} (each service sets it well below Quarkus' 10 MiB
 * default) is refused with 413 as problem+json, before anything reads it. Quarkus itself would answer an empty 413;
 * this filter runs just before its check, so the client learns the limit. A service that takes file uploads raises
 * {@code quarkus.http.limits.max-body-size} to what an upload needs, names the upload paths in
 * {@code finmatch.http.limits.upload-paths} (a regular expression over the whole path) and keeps every other body at
 * {@code finmatch.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus' own upload-limit route (order -2): filters run at order {@code -priority}. */
    private static final int PRIORITY = 10;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> limit;

    /** The limit of bodies to other paths than the upload paths, when it is lower. */
    @ConfigProperty(name = "finmatch.http.limits.max-body-size")
    Optional<MemorySize> otherLimit;

    @ConfigProperty(name = "finmatch.http.limits.upload-paths")
    Optional<String> uploadPaths;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        Optional<Pattern> uploads = uploadPaths.map(Pattern::compile);
        limit.ifPresent(max -> filters.register(rc -> refuseIfTooLarge(rc,
                limitFor(rc.normalizedPath(), max.asLongValue(), uploads)), PRIORITY));
    }

    private long limitFor(String path, long max, Optional<Pattern> uploads) {
        if (otherLimit.isEmpty() || uploads.map(p -> p.matcher(path).matches()).orElse(false)) {
            return max;
        }
        return Math.min(max, otherLimit.get().asLongValue());
    }

    private void refuseIfTooLarge(RoutingContext rc, long max) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length, max)) {
            Problem problem = Problem.of(413, "Payload Too Large",
                    "the request body is larger than the limit of " + max + " bytes");
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(write(problem));
            return;
        }
        rc.next();
    }

    private static boolean tooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
