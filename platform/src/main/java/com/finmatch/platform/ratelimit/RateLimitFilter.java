package com.finmatch.platform.ratelimit;

import com.finmatch.platform.http.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * Applies the rate limit to every REST request of the service (management endpoints under {@code /q/} are not REST
 * resources and never pass here): charges the caller's counter before routing, answers 429 problem+json with
 * {@code Retry-After} when its quota is used up, and puts the IETF draft headers {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds) on every response.
 */
public class RateLimitFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiting rateLimiting;

    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!rateLimiting.enabled() || http.path().startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        SocketAddress remote = http.remoteAddress();
        String address = remote == null ? "unknown" : remote.hostAddress();
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull() // a bad token counts against its address; the endpoint answers 401
                .map(caller -> rateLimiting.quotaFor(caller, address))
                .chain(this::decide)
                .map(decision -> {
                    if (decision.isEmpty()) {
                        return null;
                    }
                    request.setProperty(DECISION, decision.get());
                    return decision.get().allowed() ? null : tooManyRequests(decision.get());
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            put(response.getHeaders(), decision);
        }
    }

    /** Answers from this replica's lease in memory when it can; otherwise asks the shared counter off the I/O thread. */
    private Uni<Optional<RateLimiter.Decision>> decide(Quotas.Quota quota) {
        Optional<RateLimiter.Decision> leased = rateLimiting.limiter().tryLease(quota.key(), quota.limit());
        if (leased.isPresent()) {
            return Uni.createFrom().item(leased);
        }
        return Uni.createFrom().item(() -> rateLimiting.acquire(quota))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response tooManyRequests(RateLimiter.Decision decision) {
        Problem problem = Problem.of(429, "Too many requests", "the rate limit of " + decision.limit()
                + " requests per window is used up; retry in " + decision.resetSeconds() + " s");
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", decision.resetSeconds())
                .header(LIMIT, decision.limit()).header(REMAINING, 0).header(RESET, decision.resetSeconds())
                .build();
    }

    private static void put(MultivaluedMap<String, Object> headers, RateLimiter.Decision decision) {
        headers.putSingle(LIMIT, decision.limit());
        headers.putSingle(REMAINING, decision.remaining());
        headers.putSingle(RESET, decision.resetSeconds());
    }
}
