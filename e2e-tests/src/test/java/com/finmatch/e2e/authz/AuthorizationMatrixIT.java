package com.finmatch.e2e.authz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.devstack.Stack;
import com.finmatch.e2e.RealStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §4: every operation that takes an id, read from each service's served OpenAPI document (so a new one is
 * covered, or fails here for want of a row in {@link AccessPolicy}), × every kind of caller ({@link Actor}) × own and
 * foreign objects, on the real stack with real Keycloak tokens. Expected: no token 401, a caller without the
 * operation's role 403, a caller with the role who may not reach the object 404 — exactly as for an object that does
 * not exist — and never a 5xx. The matrix is printed as a table; any cell that differs fails the test, a 2xx where none
 * was expected being a leak.
 */
@ExtendWith({RealStack.class, AuthzFixture.Once.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthorizationMatrixIT {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** Where each service's document names the roles of a secured operation (docs/openapi/README.md). */
    private static final String ROLES = "x-roles-allowed";
    /** The roles entry of an operation any signed-in caller may call ({@code @Authenticated}). */
    private static final String ANY_ROLE = "**";
    private static final List<Stack.App> SERVICES = List.of(Stack.ENTERPRISE, Stack.LOAN, Stack.MATCHING,
            Stack.NOTIFICATION);
    private static AuthzFixture fixture;

    /**
     * One operation of a served OpenAPI document; {@code roles} as its {@code x-roles-allowed} names them
     * ({@code **}: any signed-in caller); {@code stream}: it answers {@code text/event-stream}.
     */
    record Operation(Stack.App service, String method, String template, boolean secured, Set<String> roles,
            boolean stream) {
        String name() {
            return method + " " + template;
        }

        boolean takesIds() {
            return template.contains("{");
        }

        boolean permits(Actor actor) {
            return actor == Actor.NONE ? !secured : hasRole(actor);
        }

        /** A signed-in caller holds a role the operation allows (or the operation is public). */
        boolean hasRole(Actor actor) {
            return !secured || roles.contains(ANY_ROLE) || roles.contains(actor.role);
        }
    }

    @BeforeAll
    static void createTheObjectsThroughTheApis() {
        fixture = AuthzFixture.get();
    }

    @Test
    void no_caller_reaches_an_object_or_function_it_may_not() {
        AccessPolicy policy = new AccessPolicy(fixture);
        List<Operation> operations = SERVICES.stream().flatMap(s -> operations(s).stream())
                .filter(Operation::takesIds).toList();
        List<String> unclassified = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Table table = new Table();
        int leaks = 0;
        for (Operation op : operations) {
            var targets = policy.targetsOf(op.method(), op.template());
            if (targets.isEmpty()) {
                unclassified.add(op.service().module() + " " + op.name());
                continue;
            }
            for (AccessPolicy.Target target : targets.get()) {
                List<String> cells = new ArrayList<>();
                // callers expected to be let through go last, so that a change they make cannot hide a refusal
                for (Actor actor : ordered(op, target)) {
                    Set<Outcome> expected = expected(op, target, actor);
                    Api.Reply reply = Api.call(actor, op.method(), url(op, target), target.body(), target.headers());
                    Outcome actual = Outcome.of(reply.status());
                    boolean right = expected.contains(actual);
                    if (!right) {
                        boolean leak = actual == Outcome.OK;
                        leaks += leak ? 1 : 0;
                        wrong.add((leak ? "LEAK " : "WRONG ") + op.name() + " [" + target.label() + "] as "
                                + actor.column() + ": expected " + codes(expected) + ", got " + reply.brief());
                    }
                    cells.add(reply.status() + (right ? "" : "!"));
                }
                table.row(op, target, cells);
            }
        }
        table.print(operations.size(), leaks, wrong.size());
        wrong.forEach(System.out::println);
        assertTrue(unclassified.isEmpty(), "operations with ids the matrix has no row for (add them to AccessPolicy): "
                + unclassified);
        assertTrue(wrong.isEmpty(), leaks + " leaks, " + wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }

    /**
     * Function level, for the operations without an id: no token 401 (unless public), a caller without the
     * operation's role 403 — tried on every method, with no body, so a refusal cannot depend on what was sent. Callers
     * holding the role are tried on reads only (writes of this kind are the other suites' business): they get through,
     * and an event stream ({@code GET /matches/stream}) answers 200 {@code text/event-stream}, judged by its head and
     * closed at once.
     */
    @Test
    void no_caller_reaches_a_function_without_its_role() {
        List<Operation> operations = SERVICES.stream().flatMap(s -> operations(s).stream())
                .filter(op -> !op.takesIds()).toList();
        List<String> wrong = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            StringBuilder row = new StringBuilder(String.format("| %-8s | %-48s |",
                    op.service().module().replace("-service", ""), op.name()));
            for (Actor actor : Actor.values()) {
                if (op.permits(actor) && !op.method().equals("GET")) {
                    row.append(String.format(" %-8s |", "-"));
                    continue;
                }
                Api.Reply reply = Api.call(actor, op.method(), op.service().url() + op.template(), null, Map.of());
                requests++;
                String problem = functionProblem(op, actor, reply);
                if (problem != null) {
                    wrong.add((reply.ok() && !op.permits(actor) ? "LEAK " : "WRONG ") + op.service().module() + " "
                            + op.name() + " as " + actor.column() + ": " + problem);
                }
                row.append(String.format(" %-8s |", reply.status() + (problem == null ? "" : "!")));
            }
            rows.add(row.toString());
        }
        StringBuilder head = new StringBuilder(String.format("| %-8s | %-48s |", "service", "operation"));
        for (Actor a : Actor.values()) {
            head.append(String.format(" %-8s |", a.column().length() > 8 ? a.column().substring(0, 8) : a.column()));
        }
        System.out.println("\nFunction-level matrix (" + operations.size() + " operations without ids, " + requests
                + " requests; '-': a write by a caller holding the role, not sent):");
        System.out.println(head);
        rows.forEach(System.out::println);
        System.out.println("wrong answers: " + wrong.size() + "\n");
        wrong.forEach(System.out::println);
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }

    /** Null when the answer is right for the caller: 401, 403, or through (an event stream by its head). */
    private static String functionProblem(Operation op, Actor actor, Api.Reply reply) {
        if (!op.permits(actor)) {
            int expected = actor == Actor.NONE ? 401 : 403;
            return reply.status() == expected && reply.problemJson() ? null
                    : "expected " + expected + " problem+json, got " + reply.brief() + " (" + reply.contentType() + ")";
        }
        if (op.stream()) {
            return reply.status() == 200 && reply.contentType() != null
                    && reply.contentType().startsWith(Api.EVENT_STREAM) ? null
                    : "expected 200 " + Api.EVENT_STREAM + ", got " + reply.brief() + " (" + reply.contentType() + ")";
        }
        return Outcome.of(reply.status()) == Outcome.OK ? null : "expected to get through, got " + reply.brief();
    }

    // ------------------------------------------------------------------------------------------------ expectations

    /** No token → 401 unless public; without the operation's role → 403; else the object's relation to the caller. */
    static Set<Outcome> expected(Operation op, AccessPolicy.Target target, Actor actor) {
        if (actor == Actor.NONE) {
            return op.secured() ? Outcome.only(Outcome.UNAUTHORIZED) : target.relation().apply(actor);
        }
        if (!op.hasRole(actor)) {
            return Outcome.only(Outcome.FORBIDDEN);
        }
        return target.relation().apply(actor);
    }

    private static List<Actor> ordered(Operation op, AccessPolicy.Target target) {
        return EnumSet.allOf(Actor.class).stream()
                .sorted(Comparator.comparing(a -> expected(op, target, a).contains(Outcome.OK)))
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ OpenAPI

    /**
     * The operations of a service's served document: whether they need a token ({@code security}), the roles that
     * may call them ({@code x-roles-allowed}, which platform's PlatformOpenApiFilter writes from the annotations the
     * service enforces) and whether they answer a stream.
     */
    static List<Operation> operations(Stack.App service) {
        Api.Reply doc = Api.call((String) null, "GET", service.url() + "/q/openapi?format=json", null, Map.of());
        JsonNode root = Api.ok(doc, service.module() + " /q/openapi");
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(m -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                    JsonNode security = m.getValue().has("security") ? m.getValue().path("security")
                            : root.path("security");
                    Set<String> roles = new LinkedHashSet<>();
                    m.getValue().path(ROLES).forEach(role -> roles.add(role.asText()));
                    if (!security.isEmpty() && !m.getValue().has(ROLES)) {
                        fail(service.module() + " " + m.getKey() + " " + path.getKey() + " is secured but its "
                                + "document names no " + ROLES);
                    }
                    boolean stream = m.getValue().path("responses").toString().contains(Api.EVENT_STREAM);
                    found.add(new Operation(service, m.getKey().toUpperCase(), path.getKey(),
                            !security.isEmpty(), roles, stream));
                }
            });
        }
        if (found.isEmpty()) {
            fail(service.module() + "'s OpenAPI document lists no operation");
        }
        return found;
    }

    /** The operation's URL for the target: its path parameters in the template, any other parameter as the query. */
    private static String url(Operation op, AccessPolicy.Target target) {
        Matcher m = PARAM.matcher(op.template());
        StringBuilder path = new StringBuilder();
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String value = target.params().get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(op.name() + " [" + target.label() + "] gives no " + m.group(1));
            }
            used.add(m.group(1));
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        String query = target.params().entrySet().stream().filter(p -> !used.contains(p.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return op.service().url() + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static String codes(Set<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::code).collect(Collectors.joining(" or "));
    }

    // ------------------------------------------------------------------------------------------------ table

    /** The printed matrix: one row per operation and object, one column per caller (a "!" marks a wrong answer). */
    private static final class Table {
        private final List<String> rows = new ArrayList<>();

        void row(Operation op, AccessPolicy.Target target, List<String> cellsInOrder) {
            // cells were collected in the order the callers were tried; print them in the columns' order
            List<Actor> tried = ordered(op, target);
            String[] byColumn = new String[Actor.values().length];
            for (int i = 0; i < tried.size(); i++) {
                byColumn[tried.get(i).ordinal()] = cellsInOrder.get(i);
            }
            StringBuilder line = new StringBuilder(String.format("| %-8s | %-62s | %-28s |",
                    op.service().module().replace("-service", ""), op.name(), target.label()));
            for (String cell : byColumn) {
                line.append(String.format(" %-8s |", cell));
            }
            rows.add(line.toString());
        }

        void print(int operations, int leaks, int wrong) {
            StringBuilder head = new StringBuilder(String.format("| %-8s | %-62s | %-28s |", "service", "operation",
                    "object"));
            for (Actor a : Actor.values()) {
                head.append(String.format(" %-8s |", a.column().length() > 8 ? a.column().substring(0, 8)
                        : a.column()));
            }
            System.out.println("\nAuthorization matrix (" + operations + " operations with ids, " + rows.size()
                    + " operation × object rows, " + rows.size() * Actor.values().length + " requests; ent34 owns A,"
                    + " ent35 owns B; bank1/bank-zqrcb are bank X = ZQRCB, bank3/bank-ccbzq bank Y = CCBZQ):");
            System.out.println(head);
            rows.forEach(System.out::println);
            System.out.println("leaks: " + leaks + ", wrong answers: " + wrong + "\n");
        }
    }
}
