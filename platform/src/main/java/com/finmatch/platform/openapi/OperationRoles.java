package com.finmatch.platform.openapi;

import com.finmatch.platform.http.RouteTemplate;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call each REST operation, read from the same annotations Quarkus enforces: {@code @RolesAllowed},
 * {@code @Authenticated} (any signed-in caller, {@link #ANY_ROLE} as in Quarkus' {@code @RolesAllowed("**")}) and
 * {@code @PermitAll} on the method, else on its class. An operation is named {@code "<METHOD> <path>"} with the path as
 * OpenAPI writes it (class and method {@code @Path} joined, a parameter's regular expression dropped).
 */
final class OperationRoles {

    /** Quarkus' notation for "any authenticated caller" ({@code @Authenticated} is {@code @RolesAllowed("**")}). */
    static final String ANY_ROLE = "**";

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName DENY_ALL = DotName.createSimple("jakarta.annotation.security.DenyAll");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** An explicit {@code @PermitAll}, or no annotation at all: anyone, without a token. */
    private static final List<String> PUBLIC = java.util.Collections.unmodifiableList(new java.util.ArrayList<>());

    /** Per operation the roles, or null for a public one. */
    private final Map<String, List<String>> byOperation = new HashMap<>();

    /** Every resource method of the index; an operation the index names twice fails the build. */
    OperationRoles(IndexView index) {
        Set<DotName> seen = new java.util.HashSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            if (java.lang.reflect.Modifier.isInterface(resource.flags()) || !seen.add(resource.name())) {
                continue; // a REST client's interface, or a class a composite index lists twice
            }
            for (MethodInfo method : resource.methods()) {
                httpMethod(method).ifPresent(verb -> {
                    String operation = verb + " " + join(path.value().asString(), method);
                    List<String> roles = declared(method).or(() -> declared(resource)).orElse(PUBLIC);
                    if (byOperation.containsKey(operation)) {
                        throw new IllegalStateException("two resource methods for " + operation);
                    }
                    byOperation.put(operation, roles == PUBLIC ? null : roles);
                });
            }
        }
    }

    /**
     * The roles that may call the operation ({@link #ANY_ROLE} for any signed-in caller); empty for a public one.
     *
     * @throws IllegalStateException when no resource method of the index is this operation
     */
    Optional<List<String>> of(String httpMethod, String path) {
        String operation = httpMethod.toUpperCase() + " " + path;
        if (!byOperation.containsKey(operation)) {
            throw new IllegalStateException("no resource method for " + operation + " (known: "
                    + new java.util.TreeSet<>(byOperation.keySet()) + ")");
        }
        return Optional.ofNullable(byOperation.get(operation));
    }

    private static Optional<String> httpMethod(MethodInfo method) {
        return method.annotations().stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.METHOD)
                .map(a -> a.name().local())
                .filter(HTTP_METHODS::contains)
                .findFirst();
    }

    private static String join(String classPath, MethodInfo method) {
        AnnotationInstance own = method.declaredAnnotation(PATH);
        return RouteTemplate.of(classPath, own == null ? null : own.value().asString());
    }

    /**
     * What a method's or class's own annotations say: the roles (none for {@code @DenyAll}), {@link #ANY_ROLE} for
     * {@code @Authenticated}, {@link #PUBLIC} for {@code @PermitAll}; nothing when it names none.
     */
    private static Optional<List<String>> declared(AnnotationTarget target) {
        AnnotationInstance rolesAllowed = annotation(target, ROLES_ALLOWED);
        if (rolesAllowed != null) {
            AnnotationValue value = rolesAllowed.value();
            return Optional.of(value == null ? List.of() : List.of(value.asStringArray()));
        }
        if (annotation(target, AUTHENTICATED) != null) {
            return Optional.of(List.of(ANY_ROLE));
        }
        if (annotation(target, DENY_ALL) != null) {
            return Optional.of(List.of());
        }
        return annotation(target, PERMIT_ALL) != null ? Optional.of(PUBLIC) : Optional.empty();
    }

    private static AnnotationInstance annotation(AnnotationTarget target, DotName name) {
        return target.kind() == AnnotationTarget.Kind.METHOD ? target.asMethod().declaredAnnotation(name)
                : target.asClass().declaredAnnotation(name);
    }
}
