package com.finmatch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5's "done when" through the real stack and real Keycloak tokens: a need opened through enterprise-service
 * shows ranked, explained recommendations and near misses from matching-service within moments; only its owner and
 * an administrator can read them; the administrator's KPI endpoints count it; a withdrawn need leaves the list.
 * Uses the seeded enterprise of {@code ent3} (441202 端州区, NEV_AUTO, SMALL, HIGH_TECH + TECH_SME, founded 2009).
 */
@ExtendWith(RealStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchingJourneyIT {
    private static final String ENTERPRISES = Stack.ENTERPRISE.url() + "/api/v1/enterprises";
    private static final String MATCHING = Stack.MATCHING.url() + "/api/v1";
    private static final String PRODUCTS = Stack.LOAN.url() + "/api/v1/products";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ent3;
    private static String ent4;
    private static String admin1;
    private static String enterpriseId;
    private static String clusterCode;
    private static String needId;

    @BeforeAll
    static void openANeedThroughEnterpriseService() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        ent3 = Tokens.forUser("ent3");
        ent4 = Tokens.forUser("ent4");
        admin1 = Tokens.forUser("admin1");
        JsonNode me = json(as(ent3).get(ENTERPRISES + "/me").then().statusCode(200).extract().asString());
        enterpriseId = me.path("id").asText();
        clusterCode = me.path("clusterCode").asText();
        needId = as(ent3).contentType(ContentType.JSON)
                .body(Map.of("amount", 2_000_000, "termMonths", 24, "purpose", "WORKING_CAPITAL",
                        "guaranteeTypes", new String[] {"CREDIT", "MORTGAGE"}, "maxAnnualRate", 6.0,
                        "neededBy", LocalDate.now().plusMonths(2).toString()))
                .post(ENTERPRISES + "/" + enterpriseId + "/financing-needs")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @Order(1)
    void the_new_need_gets_ranked_explained_recommendations_and_near_misses_within_moments() {
        long opened = System.nanoTime();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await("recommendations of need " + needId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    found.set(recommendation(as(ent3).get(MATCHING + "/recommendations/me")));
                    return found.get() != null && !found.get().path("products").isEmpty();
                });
        System.out.printf("need %s recommended %d ms after it was opened%n", needId,
                (System.nanoTime() - opened) / 1_000_000);
        JsonNode rec = found.get();

        JsonNode products = rec.path("products");
        Set<String> recommended = new HashSet<>();
        BigDecimal previous = null;
        String previousId = null;
        for (JsonNode p : products) {
            String id = p.path("productId").asText();
            recommended.add(id);
            BigDecimal score = p.path("score").decimalValue();
            assertTrue(score.signum() >= 0 && score.compareTo(BigDecimal.valueOf(100)) <= 0, "score 0–100: " + p);
            if (previous != null) {
                assertTrue(previous.compareTo(score) > 0 || previous.compareTo(score) == 0 && previousId.compareTo(id) < 0,
                        "ranked by score, ties by product id: " + products);
            }
            previous = score;
            previousId = id;
            assertFalse(p.path("reasons").isEmpty(), "every recommendation says why: " + p);
            p.path("reasons").forEach(r -> assertTrue(!r.path("zh").asText().isBlank() && !r.path("en").asText().isBlank(),
                    "reasons in Chinese and English: " + r));
            assertTrue(p.path("estimatedRate").decimalValue().compareTo(new BigDecimal("6.0")) <= 0
                    || p.path("reasons").toString().contains("above your maximum"), "the rate is explained: " + p);
            // what is recommended is really on the bank's published shelf
            given().get(PRODUCTS + "/" + id).then().statusCode(200);
        }

        JsonNode nearMisses = rec.path("nearMisses");
        assertFalse(nearMisses.isEmpty(), "the enterprise learns what would make it eligible: " + rec);
        for (JsonNode miss : nearMisses) {
            assertFalse(recommended.contains(miss.path("productId").asText()), "a near miss is not also recommended");
            JsonNode failed = miss.path("failedRules");
            assertTrue(failed.size() >= 1 && failed.size() <= 2, "a near miss fails one or two checks: " + miss);
            failed.forEach(r -> assertFalse(r.path("zh").asText().isBlank() || r.path("en").asText().isBlank(),
                    "failed rules in Chinese and English: " + r));
        }
    }

    @Test
    @Order(2)
    void only_the_owner_and_an_administrator_read_the_recommendations_of_an_enterprise() {
        String path = MATCHING + "/recommendations/enterprises/" + enterpriseId;
        assertEquals(needId, recommendation(as(admin1).get(path)).path("needId").asText(), "the admin sees it");
        assertEquals(needId, recommendation(as(ent3).get(path)).path("needId").asText(), "the owner sees it");
        as(ent4).get(path).then().statusCode(404); // for anyone else the enterprise does not exist
        given().get(path).then().statusCode(401);
    }

    @Test
    @Order(3)
    void the_administrators_kpis_count_the_open_need_and_its_matches() {
        JsonNode all = json(as(admin1).queryParam("groupBy", "cluster").get(MATCHING + "/stats/summary")
                .then().statusCode(200).extract().asString());
        JsonNode cluster = json(as(admin1).queryParam("groupBy", "cluster").queryParam("cluster", clusterCode)
                .get(MATCHING + "/stats/summary").then().statusCode(200).extract().asString());
        assertTrue(all.path("total").path("openNeeds").asLong() >= 1, "open needs counted: " + all.path("total"));
        assertTrue(cluster.path("total").path("openNeeds").asLong() >= 1, clusterCode + " has the need: " + cluster);
        assertTrue(cluster.path("total").path("matches").asLong() >= 1, clusterCode + " has its matches: " + cluster);
        JsonNode row = null;
        for (JsonNode g : all.path("groups")) {
            if (clusterCode.equals(g.path("key").asText())) {
                row = g;
            }
        }
        assertEquals(row, ((com.fasterxml.jackson.databind.node.ObjectNode) cluster.path("total").deepCopy())
                .put("key", clusterCode),
                "the filtered total is that cluster's row of the grouping");
        String csv = as(admin1).queryParam("groupBy", "cluster").get(MATCHING + "/stats/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("group,enterprisesRegistered,") && csv.contains(clusterCode + ","), csv);
        as(ent3).get(MATCHING + "/stats/summary").then().statusCode(403);
    }

    @Test
    @Order(4)
    void a_withdrawn_need_leaves_the_recommendations() {
        as(ent3).post(ENTERPRISES + "/" + enterpriseId + "/financing-needs/" + needId + "/withdraw")
                .then().statusCode(200);
        await("need " + needId + " withdrawn").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> recommendation(as(ent3).get(MATCHING + "/recommendations/me")) == null);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** This test's need in a recommendations answer, or null. */
    private static JsonNode recommendation(io.restassured.response.Response response) {
        JsonNode body = json(response.then().statusCode(200).extract().asString());
        for (JsonNode r : body.path("recommendations")) {
            if (needId.equals(r.path("needId").asText())) {
                return r;
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }
}
