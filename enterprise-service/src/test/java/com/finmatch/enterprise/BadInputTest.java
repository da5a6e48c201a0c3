package com.finmatch.enterprise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Function;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write endpoint answers malformed JSON, wrong types, missing fields, oversized strings, unknown enum values and
 * out-of-range numbers with a 400 problem naming the field, and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MALFORMED = "{\"amount\": 12,,";
    private static final String LONG = "长".repeat(5000);

    /** A way to spoil a valid body, and the field the 400 must name (null: the body as a whole). */
    record Spoiled(String what, Function<Map<String, Object>, String> body, String field) {
    }

    static Spoiled set(String field, Object value, String what) {
        return new Spoiled(what + " " + field, valid -> {
            Map<String, Object> copy = new HashMap<>(valid);
            copy.put(field, value);
            return json(copy);
        }, field);
    }

    static Spoiled remove(String field) {
        return new Spoiled("missing " + field, valid -> {
            Map<String, Object> copy = new HashMap<>(valid);
            copy.remove(field);
            return json(copy);
        }, field);
    }

    /** An application whose consent is {@code consent}, rejected naming {@code field}. */
    static Spoiled consent(Map<String, Object> consent, String field) {
        return new Spoiled("consent " + consent, valid -> {
            Map<String, Object> copy = new HashMap<>(valid);
            copy.put("consent", consent);
            return json(copy);
        }, field);
    }

    static Spoiled malformed() {
        return new Spoiled("malformed JSON", valid -> MALFORMED, null);
    }

    @Test
    void shouldRefuseABodyAbove256KiBWith413AndRegisterNothing() {
        String owner = newSubject("owner");
        Map<String, Object> body = new HashMap<>(Fixtures.enterpriseBody(Fixtures.uscc()));
        body.put("name", "企".repeat(100_000)); // 300,000 bytes of UTF-8
        as(Tokens.enterprise(owner)).body(json(body)).post("/api/v1/enterprises")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().statusCode(404);
    }

    @Test
    void shouldRejectBadEnterpriseRegistrationsAndRegisterNothing() {
        List<Spoiled> cases = List.of(malformed(),
                set("employees", "many", "wrong type"),
                set("employees", 1.5, "fraction for a whole number"),
                set("name", 42, "number for text"),
                set("tags", "HIGH_TECH", "text for a list"),
                set("foundedOn", "28.11.2018", "wrong date format"),
                remove("uscc"), remove("name"), remove("sizeClass"), remove("districtCode"),
                set("name", LONG, "oversized"),
                set("name", "鼎能\u0000汽车", "NUL character in"),
                set("contactEmail", "x".repeat(300) + "@example.cn", "oversized"),
                set("sizeClass", "GIGANTIC", "unknown enum value"),
                set("tags", List.of("FAMOUS"), "unknown enum value in"),
                set("registeredCapital", -1, "negative"),
                set("registeredCapital", 1e20, "absurd"),
                set("registeredCapital", 10.123, "three decimals in"),
                set("rdRatio", 101, "out of range"),
                set("employees", -3, "out of range"),
                set("foundedOn", "2999-01-01", "future"));
        for (Spoiled spoiled : cases) {
            String owner = newSubject("owner");
            String body = spoiled.body().apply(Fixtures.enterpriseBody(Fixtures.uscc()));
            assertRejected(spoiled, as(Tokens.enterprise(owner)).body(body).post("/api/v1/enterprises"));
            as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().statusCode(404);
        }
    }

    @Test
    void shouldRejectBadProfileUpdatesAndKeepTheProfile() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        @SuppressWarnings("unchecked")
        Map<String, Object> current = as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().extract()
                .as(Map.class);
        List<Spoiled> cases = List.of(malformed(), set("patents", "lots", "wrong type"), remove("legalRepresentative"),
                set("legalRepresentative", LONG, "oversized"), set("listingIntention", "MAYBE", "unknown enum value"),
                set("netProfit", -1e15, "absurd"), set("creditRating", "AAAA", "unknown"));
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(Tokens.enterprise(owner)).header("If-Match", "\"0\"")
                    .body(spoiled.body().apply(current)).put("/api/v1/enterprises/" + id));
        }
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/me").then().body("version", equalTo(0))
                .body("legalRepresentative", equalTo("冯海燕"));
    }

    @Test
    void shouldRejectBadFinancingNeedsAndOpenNone() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        List<Spoiled> cases = List.of(malformed(),
                set("amount", "a lot", "wrong type"), set("termMonths", 12.5, "fraction for"),
                remove("amount"), remove("termMonths"), remove("purpose"), remove("guaranteeTypes"),
                remove("maxAnnualRate"), remove("neededBy"),
                set("purpose", "HOLIDAY", "unknown enum value"), set("guaranteeTypes", List.of("FRIENDSHIP"), "unknown"),
                set("guaranteeTypes", List.of(), "empty"),
                set("amount", -5000, "negative"), set("amount", 0, "zero"), set("amount", 5e13, "absurd"),
                set("amount", 1000.001, "three decimals in"),
                set("termMonths", 0, "out of range"), set("termMonths", 361, "out of range"),
                set("maxAnnualRate", 0, "zero"), set("maxAnnualRate", 99, "out of range"),
                set("neededBy", "2001-01-01", "past"),
                set("projectId", "not-a-uuid", "wrong type"),
                set("projectId", java.util.UUID.randomUUID().toString(), "someone else's or unknown"));
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(Tokens.enterprise(owner)).body(spoiled.body().apply(Fixtures.needBody()))
                    .post("/api/v1/enterprises/" + id + "/financing-needs"));
        }
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/financing-needs").then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldRejectBadConsentsAndGrantNone() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        Map<String, Object> valid = Map.of("bankId", "ZQRCB", "categories", List.of("PROFILE"),
                "expiresAt", Instant.now().plus(10, ChronoUnit.DAYS).toString());
        List<Spoiled> cases = List.of(malformed(), remove("bankId"), remove("categories"), remove("expiresAt"),
                set("bankId", "B".repeat(65), "oversized"), set("bankId", "ZQ RCB; drop", "malformed"),
                set("categories", List.of("DNA"), "unknown enum value"), set("categories", List.of(), "empty"),
                set("expiresAt", "tomorrow", "wrong type"), set("expiresAt", 42, "number for"));
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(Tokens.enterprise(owner)).body(spoiled.body().apply(valid))
                    .post("/api/v1/enterprises/" + id + "/consents"));
        }
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/consents").then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldRejectBadProjectsAndRegisterNone() {
        String owner = newSubject("owner");
        String id = Fixtures.registerEnterprise(owner);
        Map<String, Object> valid = Map.of("name", "智能五金产业园", "investmentAmount", 50000000,
                "financingGap", 20000000, "stage", "PLANNING");
        List<Spoiled> cases = List.of(malformed(), remove("name"), remove("investmentAmount"), remove("stage"),
                set("name", LONG, "oversized"), set("description", LONG, "oversized"),
                set("stage", "DREAMING", "unknown enum value"), set("investmentAmount", "big", "wrong type"),
                set("investmentAmount", -1, "negative"), set("financingGap", 60000000, "larger than the investment"),
                set("termMonths", 400, "out of range"), set("districtCode", "999999", "unknown"));
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(Tokens.enterprise(owner)).body(spoiled.body().apply(valid))
                    .post("/api/v1/enterprises/" + id + "/projects"));
        }
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/projects").then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldRejectBadApplicationsAndSubmitNone() {
        String owner = newSubject("owner");
        Fixtures.registerEnterprise(owner);
        Map<String, Object> valid = Map.of("financingNeedId", java.util.UUID.randomUUID().toString(),
                "productId", java.util.UUID.randomUUID().toString());
        List<Spoiled> cases = List.of(malformed(), remove("financingNeedId"), remove("productId"),
                set("productId", "product-1", "wrong type"), set("financingNeedId", 7, "number for"),
                set("consent", "yes", "wrong type"), consent(Map.of("categories", List.of()), "consent.categories"),
                consent(Map.of("categories", List.of("SECRETS")), "consent.categories"),
                consent(Map.of("expiresAt", "2020-01-01T00:00:00Z"), "consent.expiresAt"));
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(Tokens.enterprise(owner)).body(spoiled.body().apply(valid))
                    .post("/api/v1/applications"));
        }
        as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().body("total", equalTo(0));
    }

    @Test
    void shouldRejectBadClustersAndAddNone() {
        String admin = Tokens.admin(newSubject("admin"));
        Map<String, Object> valid = Map.of("code", "LOW_ALTITUDE", "nameZh", "低空经济", "nameEn", "Low-altitude economy");
        List<Spoiled> cases = List.of(malformed(), remove("code"), remove("nameZh"),
                set("code", "low altitude", "malformed"), set("nameEn", LONG, "oversized"),
                set("code", 12, "number for"));
        int before = as(admin).get("/api/v1/reference/clusters").then().extract().path("total");
        for (Spoiled spoiled : cases) {
            assertRejected(spoiled, as(admin).body(spoiled.body().apply(valid)).post("/api/v1/reference/clusters"));
        }
        as(admin).get("/api/v1/reference/clusters").then().body("total", equalTo(before));
    }

    @Test
    void shouldAnswerBadSearchParametersWith400() {
        String admin = Tokens.admin(newSubject("admin"));
        as(admin).queryParam("district", "4412\u000003").get("/api/v1/enterprises").then().statusCode(400)
                .body("violations[0].field", equalTo("district"));
        as(admin).queryParam("name", "长".repeat(300)).get("/api/v1/enterprises").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as(admin).queryParam("district", "\u0000").get("/api/v1/projects").then().statusCode(400);
        as(admin).get("/api/v1/enterprises/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAnEmptyBodyWith400() {
        String owner = newSubject("owner");
        as(Tokens.enterprise(owner)).body("").post("/api/v1/enterprises").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.enterprise(owner)).body("null").post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void assertRejected(Spoiled spoiled, Response response) {
        String context = spoiled.what() + " → " + response.asString();
        assertEquals(400, response.statusCode(), context);
        assertTrue(response.contentType().startsWith("application/problem+json"), context);
        if (spoiled.field() != null) {
            List<String> fields = response.path("violations.field");
            assertTrue(fields != null && fields.stream().anyMatch(f -> f.equals(spoiled.field())
                    || f.startsWith(spoiled.field() + "[")), context);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
