package com.finmatch.loan;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** However malformed the body, every write endpoint answers a 4xx problem+json, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class BadInputTest {

    private static final List<String> BODIES = List.of("", "null", "[]", "{", "\"text\"", "42", "{\"a\": 1}",
            "{\"name\": 7, \"type\": {\"x\": 1}}", "{\"rules\": [{\"value\": {\"deep\": [null]}}]}",
            "{\"rules\": \"all\"}", "{\"rules\": [null, 1, \"x\"]}", "{\"seats\": 1e400, \"amount\": -1e400}",
            "{\"minAmount\": \"a lot\", \"startsOn\": \"yesterday\", \"action\": null}",
            "{\"policyToolIds\": [\"not-a-uuid\"], \"guaranteeTypes\": [null], \"kind\": \"\"}",
            "{\"minTermMonths\": 99999999999999999999, \"responseHours\": 3.5, \"bankId\": \"\\u0000\"}");

    private static void assertEveryBodyIsA4xx(String method, String path, String token) {
        for (String body : BODIES) {
            RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"").body(body);
            Response r = method.equals("PUT") ? request.put(path) : request.post(path);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                    method + " " + path + " with " + body + " answered " + r.statusCode() + ": " + r.asString());
            assertEquals("application/problem+json", r.contentType(), method + " " + path + " with " + body);
        }
    }

    @Test
    void shouldRefuseABodyAbove256KiBWith413AndCreateNothing() {
        String bankId = TestData.bankUnique("BIG");
        String bank = Tokens.bank("bank-user", bankId);
        String huge = "{\"name\": \"" + "贷".repeat(100_000) + "\"}"; // 300,000 bytes of UTF-8
        given().auth().oauth2(bank).contentType(ContentType.JSON).body(huge).post("/api/v1/products")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413));
        given().auth().oauth2(bank).queryParam("bankId", bankId).queryParam("status", "DRAFT").get("/api/v1/products")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void shouldNeverAnswerMalformedWritesWithA5xx() {
        String bankId = TestData.bankUnique("BAD");
        String bank = Tokens.bank("bank-user", bankId);
        String admin = Tokens.admin("admin1");
        String product = given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("坏输入")).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
        String tool = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\": \"INTEREST_SUBSIDY\", \"name\": \"贴息\", \"subsidyRate\": 1}")
                .post("/api/v1/policy-tools").then().statusCode(201).extract().path("id");
        String offer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"organiser\": \"北交所\", \"title\": \"培训\", \"format\": \"ONLINE\", \"startsOn\": \"2027-01-01\","
                        + " \"endsOn\": \"2027-01-02\", \"seats\": 5}")
                .post("/api/v1/training-offers").then().statusCode(201).extract().path("id");

        assertEveryBodyIsA4xx("POST", "/api/v1/products", bank);
        assertEveryBodyIsA4xx("PUT", "/api/v1/products/" + product, bank);
        assertEveryBodyIsA4xx("POST", "/api/v1/banks", admin);
        assertEveryBodyIsA4xx("POST", "/api/v1/policy-tools", admin);
        assertEveryBodyIsA4xx("PUT", "/api/v1/policy-tools/" + tool, admin);
        assertEveryBodyIsA4xx("POST", "/api/v1/training-offers", admin);
        assertEveryBodyIsA4xx("PUT", "/api/v1/training-offers/" + offer, admin);
        assertEveryBodyIsA4xx("POST", "/api/v1/leads/" + UUID.randomUUID() + "/decisions", bank);

        given().auth().oauth2(bank).get("/api/v1/products/" + product).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("坏输入")).body("version", org.hamcrest.Matchers.equalTo(0));
    }
}
