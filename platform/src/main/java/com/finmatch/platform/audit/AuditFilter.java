package com.finmatch.platform.audit;

import com.finmatch.platform.http.RouteTemplate;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records a request in the audit trail once its answer is known: a state-changing request (not GET, HEAD, OPTIONS) of
 * a caller holding one of {@code finmatch.audit.actor-roles}, and a read of a resource method marked
 * {@link AuditedRead} by a caller holding one of {@code finmatch.audit.reader-roles} — whatever the answer (a refused
 * attempt is recorded with its 4xx). Requests no resource method served (unknown path, 401 before routing, 413, 429)
 * are not. A failure to record is logged and leaves the answer as it is (the action is done by then).
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_TEXT = 200;

    @Inject
    AuditConfig config;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    Clock clock;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest http) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (!config.enabled() || method == null) {
            return Uni.createFrom().voidItem();
        }
        String verb = request.getMethod().toUpperCase();
        boolean write = !SAFE_METHODS.contains(verb);
        boolean auditedRead = !write && (method.isAnnotationPresent(AuditedRead.class)
                || resource.getResourceClass().isAnnotationPresent(AuditedRead.class));
        if (!write && !auditedRead) {
            return Uni.createFrom().voidItem();
        }
        SortedMap<String, String> objects = new TreeMap<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> objects.put(name, text(values.get(0))));
        SocketAddress remote = http.remoteAddress();
        String route = route(resource.getResourceClass(), method);
        int status = response.getStatus();
        return identity.getDeferredIdentity().onFailure().recoverWithNull().chain(caller -> {
            if (caller == null || caller.isAnonymous()
                    || Collections.disjoint(caller.getRoles(), write ? config.actorRoles() : config.readerRoles())) {
                return Uni.createFrom().voidItem();
            }
            AuditEntry.Draft draft = draft(caller, verb, route, objects, status,
                    remote == null ? null : remote.hostAddress());
            if (Context.isOnEventLoopThread()) {
                return Uni.createFrom().item(() -> append(draft)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .replaceWithVoid();
            }
            append(draft);
            return Uni.createFrom().voidItem();
        });
    }

    private Void append(AuditEntry.Draft draft) {
        try {
            trail.append(draft);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record %s %s by %s (status %d) in the audit trail", draft.method(), draft.route(),
                    draft.subject(), draft.status());
        }
        return null;
    }

    private AuditEntry.Draft draft(SecurityIdentity caller, String verb, String route,
            SortedMap<String, String> objects, int status, String remoteAddress) {
        String subject = caller.getPrincipal().getName();
        String userName = null;
        String clientId = null;
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            userName = claim(token, "preferred_username");
            clientId = claim(token, "azp");
        }
        String roles = caller.getRoles().stream().sorted().collect(Collectors.joining(","));
        return new AuditEntry.Draft(UUID.randomUUID(), clock.instant(), text(subject), userName, text(roles),
                clientId, remoteAddress, verb, route, objects, status);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : text(value.toString());
    }

    /** The operation's route template, e.g. {@code /api/v1/leads/{id}/decisions}. */
    static String route(Class<?> resourceClass, Method method) {
        Class<?> c = resourceClass;
        while (c != null && !c.isAnnotationPresent(Path.class)) {
            c = c.getSuperclass();
        }
        Path own = method.getAnnotation(Path.class);
        return RouteTemplate.of(c == null ? "" : c.getAnnotation(Path.class).value(), own == null ? null : own.value());
    }

    /** Text as the trail keeps it: control characters replaced (PostgreSQL takes no NUL), at most 200 characters. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.codePoints().map(cp -> Character.isISOControl(cp) ? 0xFFFD : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }
}
