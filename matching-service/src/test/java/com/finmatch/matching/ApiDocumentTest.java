package com.finmatch.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.testing.OpenApiDocuments;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * matching-service's OpenAPI document says what the service does (issue 10 §1, issue 12 §6): its answers, headers,
 * nullable fields and the bounds of every string, array and integer — and those bounds are the ones enforced.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ApiDocumentTest {

    /** The platform's dead-letter API is documented by the platform, not here. */
    private static final String PLATFORM_PATHS = "/api/v1/admin/dead-letters";

    private JsonNode document;

    @BeforeEach
    void readDocument() throws IOException {
        document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void shouldBoundEveryStringArrayAndIntegerAndAnchorEveryPattern() {
        List<String> unbounded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith(PLATFORM_PATHS)) {
                walk(path.getValue(), path.getKey(), unbounded, seen);
            }
        });
        assertTrue(seen.contains("#/components/schemas/RecommendedProduct"), "the walk follows $refs");
        assertEquals(List.of(), unbounded);
    }

    @Test
    void shouldDeclareTheFieldsThatCanBeNullAsNullable() {
        JsonNode schemas = document.path("components").path("schemas");
        assertTrue(allowsNull(schemas.path("RecommendedProduct").path("properties").path("applied")));
        assertTrue(allowsNull(schemas.path("RecommendedProduct").path("properties").path("estimatedRate")));
        assertTrue(allowsNull(schemas.path("NeedRecommendation").path("properties").path("projectId")));
        assertTrue(allowsNull(schemas.path("MatchView").path("properties").path("enterpriseName")));
        assertTrue(allowsNull(schemas.path("MatchEvent").path("properties").path("rank")));
        assertTrue(allowsNull(schemas.path("JobView").path("properties").path("finishedAt")));
        assertTrue(allowsNull(schemas.path("Kpis").path("properties").path("key")));
        assertTrue(allowsNull(schemas.path("Summary").path("properties").path("groupBy")));
        assertTrue(!allowsNull(schemas.path("MatchView").path("properties").path("needId")));
        assertTrue(!allowsNull(schemas.path("RecommendedProduct").path("properties").path("score")));
    }

    @Test
    void shouldDocumentAStartedJobAs202WithItsLocationAndTheConflictAndUnknownJobAnswers() {
        JsonNode rematch = document.path("paths").path("/api/v1/admin/rematch").path("post").path("responses");
        JsonNode started = OpenApiDocuments.answer(document, rematch.path("202"));
        assertTrue(started.path("headers").has("Location"));
        assertEquals("#/components/schemas/JobView", started.path("content").path("application/json")
                .path("schema").path("$ref").asText());
        assertTrue(OpenApiDocuments.answer(document, rematch.path("409")).path("content")
                .has("application/problem+json"));
        assertTrue(!rematch.has("200"), "a started job is no 200");
        JsonNode job = document.path("paths").path("/api/v1/admin/replay/{jobId}").path("get").path("responses");
        assertTrue(OpenApiDocuments.answer(document, job.path("404")).path("content").has("application/problem+json"));
        JsonNode mine = document.path("paths").path("/api/v1/recommendations/me").path("get").path("responses");
        assertTrue(mine.path("404").path("content").has("application/problem+json"));
    }

    @Test
    void shouldDocumentTheLiveFeedAsServerSentEventsOfMatchEvents() {
        JsonNode ok = document.path("paths").path("/api/v1/matches/stream").path("get").path("responses").path("200");
        JsonNode stream = ok.path("content").path("text/event-stream").path("schema");
        assertTrue(stream.path("description").asText().contains("MatchEvent"), stream.toString());
        assertTrue(!stream.has("type"), "the stream is no JSON array: " + stream);
        assertTrue(document.path("components").path("schemas").has("MatchEvent"));
    }

    @Test
    void shouldRejectAnIdLongerThanAnIdNamingIt() {
        String admin = Tokens.admin("admin-doc");
        String tooLong = "0".repeat(37);
        for (String path : List.of("/api/v1/admin/rematch/", "/api/v1/admin/replay/",
                "/api/v1/recommendations/enterprises/")) {
            given().auth().oauth2(admin).when().get(path + tooLong)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(path.endsWith("enterprises/") ? "id" : "jobId"));
        }
        given().auth().oauth2(admin).when().get("/api/v1/recommendations/enterprises/" + "0".repeat(36))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAPeriodOrFilterLongerThanItsBoundNamingIt() {
        String admin = Tokens.admin("admin-doc");
        String longTime = "2026-01-01" + " ".repeat(55);
        for (String path : List.of("/api/v1/matches", "/api/v1/stats/summary", "/api/v1/stats/export",
                "/api/v1/scorecards/banks")) {
            given().auth().oauth2(admin).queryParam("from", longTime).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("from"));
        }
        given().auth().oauth2(Tokens.bank("bank-doc", "ZQRCB")).queryParam("to", longTime)
                .when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        // a code of 64 characters padded with spaces is longer than the documented 64
        given().auth().oauth2(admin).queryParam("cluster", " " + "C".repeat(64)).when().get("/api/v1/stats/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("cluster"));
        given().auth().oauth2(admin).queryParam("cluster", "C".repeat(64)).when().get("/api/v1/stats/summary")
                .then().statusCode(200);
    }

    // ---- the walk over the document

    private void walk(JsonNode node, String at, List<String> unbounded, Set<String> seen) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]", unbounded, seen);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String ref = node.path("$ref").asText(null);
        if (ref != null && seen.add(ref)) {
            JsonNode target = document.at(ref.substring(1));
            walk(target, ref, unbounded, seen);
        }
        if (node.has("type")) {
            check(node, at, unbounded);
        }
        node.properties().forEach(child -> walk(child.getValue(), at + "/" + child.getKey(), unbounded, seen));
    }

    private static void check(JsonNode schema, String at, List<String> unbounded) {
        Set<String> types = types(schema.get("type"));
        if (types.contains("string") && !schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
            unbounded.add(at + ": a string without maxLength");
        }
        if (types.contains("array") && !schema.has("maxItems")) {
            unbounded.add(at + ": an array without maxItems");
        }
        if (types.contains("integer") && !(schema.has("minimum") && schema.has("maximum"))) {
            unbounded.add(at + ": an integer without minimum and maximum");
        }
        String pattern = schema.path("pattern").asText(null);
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            unbounded.add(at + ": a pattern not anchored with ^…$: " + pattern);
        }
    }

    private static Set<String> types(JsonNode type) {
        Set<String> types = new HashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static boolean allowsNull(JsonNode property) {
        if (property.path("nullable").asBoolean(false) || types(property.path("type")).contains("null")) {
            return true;
        }
        return StreamSupport.stream(property.path("anyOf").spliterator(), false)
                .anyMatch(option -> types(option.path("type")).contains("null"));
    }
}
