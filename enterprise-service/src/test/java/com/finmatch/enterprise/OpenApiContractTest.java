package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.testing.OpenApiDocuments;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The served OpenAPI document says what enterprise-service does (issue 10 §1): creates are 201 with Location, ETag is
 * declared where it is sent, the errors an operation answers are documented on it, every success answer has a typed
 * body, and every string, array and integer has bounds (issue 12 §6), with anchored patterns.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        doc = JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
    }

    private JsonNode operation(String method, String path) {
        JsonNode op = doc.path("paths").path(path).path(method);
        if (op.isMissingNode()) {
            throw new AssertionError("no " + method + " " + path + " in the document");
        }
        return op;
    }

    @Test
    void shouldDocumentEveryCreateAs201WithLocationAndItsBody() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/enterprises", "/api/v1/enterprises/{id}/financing-needs",
                "/api/v1/enterprises/{id}/consents", "/api/v1/enterprises/{id}/projects", "/api/v1/applications",
                "/api/v1/reference/clusters")) {
            JsonNode responses = operation("post", path).path("responses");
            JsonNode created = responses.path("201");
            if (responses.has("200") || !created.path("headers").has("Location")
                    || !created.path("content").path("application/json").path("schema").has("$ref")) {
                wrong.add("POST " + path + ": " + responses);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldDeclareTheETagOnEveryAnswerThatSendsIt() {
        List<String> wrong = new ArrayList<>();
        for (String[] op : new String[][] {{"post", "/api/v1/enterprises", "201"},
                {"get", "/api/v1/enterprises/me", "200"}, {"get", "/api/v1/enterprises/{id}", "200"},
                {"put", "/api/v1/enterprises/{id}", "200"}}) {
            if (!operation(op[0], op[1]).path("responses").path(op[2]).path("headers").has("ETag")) {
                wrong.add(String.join(" ", op));
            }
        }
        assertEquals(List.of(), wrong);
        JsonNode ifMatch = null;
        for (JsonNode p : operation("put", "/api/v1/enterprises/{id}").path("parameters")) {
            if (p.path("name").asText().equals("If-Match") && p.path("in").asText().equals("header")) {
                ifMatch = p;
            }
        }
        assertEquals(64, ifMatch == null ? -1 : ifMatch.path("schema").path("maxLength").asInt());
    }

    @Test
    void shouldDocumentAsProblemsTheConflictsAndPreconditionsEachOperationAnswers() {
        Map<String, List<String>> expected = Map.of(
                "post /api/v1/enterprises", List.of("409"),
                "put /api/v1/enterprises/{id}", List.of("404", "409", "412", "428"),
                "get /api/v1/enterprises/me", List.of("404"),
                "post /api/v1/enterprises/{id}/financing-needs/{needId}/withdraw", List.of("404", "409"),
                "post /api/v1/applications", List.of("404", "409", "422"),
                "post /api/v1/applications/{id}/withdraw", List.of("404", "409"),
                "post /api/v1/reference/clusters", List.of("409"),
                "put /api/v1/reference/clusters/{code}", List.of("404"));
        List<String> missing = new ArrayList<>();
        expected.forEach((op, codes) -> {
            String[] parts = op.split(" ");
            JsonNode responses = operation(parts[0], parts[1]).path("responses");
            for (String code : codes) {
                if (!OpenApiDocuments.answer(doc, responses.path(code)).path("content").has("application/problem+json")) {
                    missing.add(op + " " + code);
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void shouldTypeEverySuccessAnswerThatHasABody() {
        List<String> untyped = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (!response.getKey().startsWith("2")) {
                        return;
                    }
                    response.getValue().path("content").fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        JsonNode typed = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
                        if (!typed.has("$ref")) {
                            untyped.add(op.getKey() + " " + path.getKey() + " " + response.getKey() + " " + schema);
                        }
                    });
                })));
        assertEquals(List.of(), untyped);
    }

    @Test
    void shouldBoundEveryStringArrayAndIntegerAndAnchorEveryPattern() {
        List<String> unbounded = new ArrayList<>();
        walk(doc, "#", unbounded);
        assertEquals(List.of(), unbounded);
    }

    @Test
    void shouldMarkNullableTheFieldsThatCanBeNull() {
        Map<String, List<String>> nullable = Map.of(
                "EnterpriseView", List.of("clusterCode", "employees", "annualRevenue", "revenueGrowth", "netProfit",
                        "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents", "creditRating",
                        "targetBoard", "contactName", "contactPhone", "contactEmail"),
                "FinancingNeedView", List.of("projectId", "closedAt"),
                "ConsentView", List.of("revokedAt"),
                "ProjectView", List.of("description", "termMonths"),
                "ApplicationView", List.of("productName"),
                "ApplicationStep", List.of("reasonCode", "note", "amount"));
        List<String> notNullable = new ArrayList<>();
        nullable.forEach((schema, fields) -> {
            for (String field : fields) {
                JsonNode p = doc.path("components").path("schemas").path(schema).path("properties").path(field);
                boolean isNullable = p.path("nullable").asBoolean() || p.toString().contains("\"null\"");
                if (!isNullable) {
                    notNullable.add(schema + "." + field + " " + p);
                }
            }
        });
        assertEquals(List.of(), notNullable);
    }

    private static void walk(JsonNode node, String at, List<String> unbounded) {
        if (node.isObject()) {
            String type = node.path("type").isArray() ? node.path("type").toString() : node.path("type").asText();
            if (type.contains("string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")) {
                unbounded.add(at + ": string without maxLength");
            }
            if (type.contains("array") && !node.has("maxItems")) {
                unbounded.add(at + ": array without maxItems");
            }
            if (type.contains("integer") && (!node.has("minimum") || !node.has("maximum"))) {
                unbounded.add(at + ": integer without minimum and maximum");
            }
            String pattern = node.path("pattern").asText("^$");
            if (node.path("pattern").isTextual() && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
                unbounded.add(at + ": pattern not anchored " + pattern);
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("examples") && !e.getKey().equals("example")) {
                    walk(e.getValue(), at + "/" + e.getKey(), unbounded);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, unbounded);
            }
        }
    }
}
