package com.finmatch.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem+json answer: the contract's status codes, the offending fields for
 * invalid input, and never a stack trace. Shared by all services so that errors look the same everywhere.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return respond(Problem.invalid("the request has " + violations.size() + " invalid field(s)", violations));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadableStream(StreamReadException e) {
        return unreadable(e);
    }

    /**
     * Also a body beyond {@link StrictJson}'s limits (nesting, number length): {@code StreamConstraintsException}
     * (which Quarkus' body reader wraps in a 400 {@link WebApplicationException}: see {@link #web}).
     */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return mismatch(e);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(Problem.invalid("unknown field", List.of(new Problem.Violation(path(e), "unknown field"))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return mismatch(e);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return mismatch(e);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e) {
        return respond(ProblemException.preconditionFailed().problem());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return respond(ProblemException.preconditionFailed().problem());
    }

    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e) {
        LOG.debugf("constraint violated: %s", e.getConstraintName());
        return respond(Problem.of(409, "Conflict", "this would duplicate or break an existing record"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonMappingException cause) {
            return mismatch(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return unreadable(cause);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(Problem.of(status, "Server error", "the request could not be completed"));
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.isCauseOf(e)) {
            LOG.warnf("refused with 503, the database is unreachable: %s", e.toString());
            return Response.status(503).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .type(Problem.MEDIA_TYPE).entity(Problem.of(503, "Service unavailable",
                            "the database is unreachable for a moment; the request was not carried out, send it again in "
                                    + DatabaseOutage.RETRY_AFTER_SECONDS + " s"))
                    .build();
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Server error", "the request could not be completed; it was logged"));
    }

    private static Response unreadable(JsonProcessingException e) {
        String message = "is not valid JSON: " + e.getOriginalMessage();
        return respond(Problem.invalid("the body " + message, List.of(new Problem.Violation("body", message))));
    }

    private static Response mismatch(JsonMappingException e) {
        String field = path(e);
        String message = InputBounds.isBoundMessage(e.getOriginalMessage()) ? e.getOriginalMessage()
                : e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                : e instanceof MismatchedInputException m && m.getTargetType() != null
                        ? "must be " + describe(m.getTargetType())
                        : "has the wrong type or format";
        return respond(Problem.invalid(field + " " + message, List.of(new Problem.Violation(field, message))));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * The field as the client knows it: for a resource-method argument, {@code create.body.amount} becomes
     * {@code amount} and a validated query parameter {@code search.size} becomes {@code size}.
     */
    private static String field(ConstraintViolation<?> v) {
        List<String> properties = new java.util.ArrayList<>();
        String parameter = null;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && node.getIndex() != null && !properties.isEmpty()) {
                        int last = properties.size() - 1;
                        properties.set(last, properties.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        properties.add(node.getName());
                    }
                }
            }
        }
        if (properties.isEmpty()) {
            return parameter != null ? parameter : v.getPropertyPath().toString();
        }
        return String.join(".", properties);
    }

    private static Response unauthorized() {
        return Response.status(401).header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE).entity(Problem.of(401, "Unauthorized", "a valid bearer token is required"))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
