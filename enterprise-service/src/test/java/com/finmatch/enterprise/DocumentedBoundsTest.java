package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.testing.DocumentedRoles;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bound the served OpenAPI document declares on what a client sends (maxLength, minimum, maximum of request
 * fields and parameters) is the bound the service enforces: a value just over it is a 400 problem+json naming the
 * field, with a message that names the same number. The cases are generated from the document, so a bound documented
 * but not validated (or validated with another number) fails here.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DocumentedBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid body for every operation that takes one; a new operation with a body must be added here. */
    private static final Map<String, Supplier<Map<String, Object>>> VALID_BODIES = Map.of(
            "post /api/v1/enterprises", () -> Fixtures.enterpriseBody(Fixtures.uscc()),
            "put /api/v1/enterprises/{id}", () -> Fixtures.enterpriseBody(Fixtures.uscc()),
            "post /api/v1/enterprises/{id}/financing-needs", Fixtures::needBody,
            "post /api/v1/enterprises/{id}/consents", () -> mutable(Map.of("bankId", "ZQRCB",
                    "categories", List.of("PROFILE"), "expiresAt", inDays(30))),
            "post /api/v1/enterprises/{id}/projects", () -> mutable(Map.of("name", "储能电池扩产",
                    "description", "二期", "investmentAmount", 60000000, "financingGap", 30000000,
                    "stage", "PLANNING", "districtCode", "441203", "termMonths", 60)),
            "post /api/v1/applications", () -> mutable(Map.of("financingNeedId", UUID.randomUUID().toString(),
                    "productId", UUID.randomUUID().toString(),
                    "consent", mutable(Map.of("categories", List.of("PROFILE"), "expiresAt", inDays(90))))),
            "post /api/v1/reference/clusters", () -> mutable(Map.of("code", "BOUNDS_TEST", "nameZh", "测试",
                    "nameEn", "Test")),
            "put /api/v1/reference/clusters/{code}", () -> mutable(Map.of("code", "NEV_AUTO",
                    "nameZh", "新能源汽车及汽车零部件", "nameEn", "New-energy vehicles")));

    /** One value just over a documented bound, and where it goes. */
    record Case(String operation, String in, String field, Object value, String bound, boolean formatted) {
        @Override
        public String toString() {
            return operation + " " + in + " " + field + " over " + bound;
        }
    }

    @Test
    void shouldRefuseAValueJustOverEveryDocumentedBoundNamingTheFieldAndTheBound() throws Exception {
        JsonNode doc = JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        List<Case> cases = new ArrayList<>();
        Map<String, JsonNode> operations = operations(doc);
        operations.forEach((operation, op) -> {
            JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
            if (!body.isMissingNode()) {
                assertTrue(VALID_BODIES.containsKey(operation), "no valid body for " + operation + " in this test");
                bodyCases(doc, operation, "", body, cases);
            }
            for (JsonNode p : op.path("parameters")) {
                parameterCase(doc, operation, p, cases);
            }
        });
        assertFalse(cases.isEmpty());
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response r = send(doc, operations.get(c.operation()), c);
            String problem = check(c, r);
            if (problem != null) {
                failures.add(c + ": " + problem);
            }
        }
        assertEquals(List.of(), failures, cases.size() + " cases");
        // the generator must keep reaching into bodies, nested objects, queries, paths and headers
        assertTrue(cases.stream().anyMatch(c -> c.field().equals("consent.expiresAt")), cases.toString());
        assertTrue(cases.stream().anyMatch(c -> c.in().equals("header")), cases.toString());
        assertTrue(cases.stream().anyMatch(c -> c.in().equals("path")), cases.toString());
        assertTrue(cases.stream().anyMatch(c -> c.field().equals("name") && c.in().equals("query")), cases.toString());
    }

    private static String check(Case c, Response r) {
        if (r.statusCode() != 400) {
            return "answered " + r.statusCode() + " " + r.asString();
        }
        if (!r.contentType().startsWith("application/problem+json")) {
            return "answered " + r.contentType();
        }
        List<Map<String, String>> violations = r.jsonPath().getList("violations");
        List<Map<String, String>> named = violations == null ? List.of() : violations.stream()
                .filter(v -> normalised(v.get("field")).equals(normalised(c.field()))).toList();
        if (named.isEmpty()) {
            return "the 400 does not name the field: " + r.asString();
        }
        if (!c.formatted() && named.stream().noneMatch(v -> v.get("message").contains(c.bound()))) {
            return "the 400 does not name the bound " + c.bound() + ": " + r.asString();
        }
        return null;
    }

    /** A header's Java parameter name is what the problem names ({@code ifMatch} for {@code If-Match}). */
    private static String normalised(String field) {
        return field == null ? "" : field.replace("-", "").toLowerCase();
    }

    // ---------------------------------------------------------------------------------------- generating the cases

    private static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                operations.put(method.getKey() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    private static void bodyCases(JsonNode doc, String operation, String prefix, JsonNode schema, List<Case> cases) {
        JsonNode resolved = resolve(doc, schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = prefix + property.getKey();
            JsonNode p = merged(doc, property.getValue());
            if (type(p).equals("object")) {
                bodyCases(doc, operation, field + ".", property.getValue(), cases);
            } else {
                overBound(p).forEach(o -> cases.add(new Case(operation, "body", field, o.value(), o.bound(),
                        p.has("format"))));
            }
        }
    }

    private static void parameterCase(JsonNode doc, String operation, JsonNode parameter, List<Case> cases) {
        JsonNode p = merged(doc, parameter.path("schema"));
        String in = parameter.path("in").asText();
        if (in.equals("path") && p.has("format")) {
            return; // an id that is no UUID matches no route: 404, as for any unknown path
        }
        overBound(p).forEach(o -> cases.add(new Case(operation, in, parameter.path("name").asText(), o.value(),
                o.bound(), p.has("format"))));
    }

    record Over(Object value, String bound) {
    }

    private static List<Over> overBound(JsonNode p) {
        List<Over> over = new ArrayList<>();
        String type = type(p);
        if (type.equals("string") && p.has("maxLength") && !p.has("enum")) {
            int max = p.get("maxLength").asInt();
            over.add(new Over(text(max + 1, p.path("pattern").asText(null)), String.valueOf(max)));
        } else if (type.equals("integer") || type.equals("number")) {
            if (p.has("maximum")) {
                BigDecimal max = p.get("maximum").decimalValue();
                over.add(new Over(max.add(BigDecimal.ONE), max.toPlainString()));
            }
            if (p.has("minimum")) {
                BigDecimal min = p.get("minimum").decimalValue();
                boolean exclusive = p.path("exclusiveMinimum").asBoolean(false); // OpenAPI 3.0
                over.add(new Over(exclusive ? min : min.subtract(BigDecimal.ONE), min.toPlainString()));
            }
            if (p.has("exclusiveMinimum") && p.get("exclusiveMinimum").isNumber()) { // OpenAPI 3.1
                BigDecimal min = p.get("exclusiveMinimum").decimalValue();
                over.add(new Over(min, min.toPlainString()));
            }
        }
        return over;
    }

    /** Text of {@code length} characters that fits the pattern's alphabet where it can, so only the length fails. */
    private static String text(int length, String pattern) {
        for (String c : List.of("A", "a", "1")) {
            if (pattern == null || Pattern.compile(pattern).matcher(c.repeat(length - 1)).matches()) {
                return c.repeat(length);
            }
        }
        return "A".repeat(length);
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText(schema.has("properties") ? "object" : "");
    }

    /** A property's schema with what its {@code $ref} (or the non-null branch of its {@code anyOf}) says. */
    private static JsonNode merged(JsonNode doc, JsonNode schema) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.createObjectNode();
        JsonNode target = schema;
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (!branch.path("type").asText().equals("null")) {
                    target = branch;
                }
            }
        }
        merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) resolve(doc, target).deepCopy());
        schema.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("anyOf")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    // ------------------------------------------------------------------------------------------- sending the cases

    /** The case sent with a token of a role the operation allows, as its document names them. */
    private static Response send(JsonNode doc, JsonNode op, Case c) {
        return send(doc, op, c, tokenFor(op));
    }

    private static Response send(JsonNode doc, JsonNode op, Case c, String token) {
        String method = c.operation().substring(0, c.operation().indexOf(' '));
        String path = c.operation().substring(method.length() + 1);
        // an upload (multipart) gets a valid file; its parameters are what the cases try
        RequestSpecification request = op.path("requestBody").path("content").has("multipart/form-data")
                ? given().multiPart("kind", "OTHER").multiPart("file", "bounds.png", DocumentsTest.png(100), "image/png")
                : given().contentType(ContentType.JSON);
        if (token != null) {
            request.auth().oauth2(token);
        }
        Supplier<Map<String, Object>> valid = VALID_BODIES.get(c.operation());
        if (valid != null) {
            Map<String, Object> body = valid.get();
            if (c.in().equals("body")) {
                put(body, c.field(), c.value());
            }
            request.body(json(body));
        }
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asText();
            if (p.path("in").asText().equals("path")) {
                Object value = c.in().equals("path") && c.field().equals(name) ? c.value()
                        : merged(doc, p.path("schema")).has("format") ? UUID.randomUUID().toString() : "NEV_AUTO";
                path = path.replace("{" + name + "}", String.valueOf(value));
            }
        }
        if (c.in().equals("query")) {
            request.queryParam(c.field(), c.value());
        } else if (c.in().equals("header")) {
            request.header(c.field(), String.valueOf(c.value()));
        }
        return request.request(method.toUpperCase(), path);
    }

    /**
     * A token of the first role the operation's {@code x-roles-allowed} names (an enterprise's for {@code **}, any
     * signed-in caller); none (a null) for a public operation.
     */
    private static String tokenFor(JsonNode op) {
        JsonNode roles = op.path(DocumentedRoles.EXTENSION);
        if (!roles.isArray() || roles.isEmpty()) {
            return null;
        }
        return Tokens.forRole(roles.get(0).asText(), Fixtures.newSubject("bounds"));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String field, Object value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.put(field, value);
        } else {
            Map<String, Object> inner = (Map<String, Object>) body.get(field.substring(0, dot));
            put(inner, field.substring(dot + 1), value);
        }
    }

    private static Map<String, Object> mutable(Map<String, Object> map) {
        return new HashMap<>(map);
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
