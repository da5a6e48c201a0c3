package com.finmatch.loan;

import com.finmatch.testing.OpenApiValidation;
import com.finmatch.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Issue 10 §1: a bank's product flow — each answer and each successful request — is what loan-service's served
 * OpenAPI document says, checked by a real validator (swagger-request-validator, {@link OpenApiValidation}): 201 with
 * Location and ETag, typed rule values, nullable fields, and the documented problems 400, 401, 404, 409, 412, 428.
 */
@QuarkusTest
class ProductContractTest {

    private static final String PRODUCTS = "/api/v1/products";

    private static RequestSpecification validated() {
        return given().filter(OpenApiValidation.filter());
    }

    @Test
    void shouldAnswerABanksProductFlowExactlyAsTheDocumentSays() {
        String bank = TestData.bankUnique("OAS");
        String token = Tokens.bank("bank-user", bank);
        String body = TestData.productJson("契约贷", "CREDIT_LOAN", 100000, 5000000,
                TestData.districtRule("441202", "441203")
                        + "{\"field\": \"employees\", \"operator\": \"BETWEEN\", \"value\": [10, 500], \"hard\": true,"
                        + " \"weight\": 0, \"message\": {\"zh\": \"员工10至500人\", \"en\": \"10 to 500 staff\"}},");
        Response created = validated().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(PRODUCTS);
        String id = created.path("id");
        created.then().statusCode(201).header("Location", endsWith(PRODUCTS + "/" + id))
                .header("ETag", notNullValue()).body("publishedAt", equalTo(null));

        validated().auth().oauth2(token).when().get(PRODUCTS + "/" + id)
                .then().statusCode(200).header("ETag", notNullValue()).body("rules[0].value", hasItem("441202"));
        validated().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(PRODUCTS + "/" + id)
                .then().statusCode(428);
        validated().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(body)
                .when().put(PRODUCTS + "/" + id).then().statusCode(412);
        validated().auth().oauth2(token).when().post(PRODUCTS + "/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        validated().auth().oauth2(token).when().post(PRODUCTS + "/" + id + "/publish").then().statusCode(409);
        validated().when().get(PRODUCTS + "?bankId=" + bank).then().statusCode(200).body("items.id", hasItem(id));
        validated().when().get(PRODUCTS + "/" + id).then().statusCode(200).body("name", equalTo("契约贷"));
    }

    @Test
    void shouldAnswerRefusalsWithTheDocumentedProblems() {
        String token = Tokens.bank("bank-user", TestData.bankUnique("OAS"));
        validated().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"\"}")
                .when().post(PRODUCTS).then().statusCode(400).contentType("application/problem+json");
        validated().contentType(ContentType.JSON).body(TestData.productJson("无令牌"))
                .when().post(PRODUCTS).then().statusCode(401);
        validated().when().get(PRODUCTS + "/" + UUID.randomUUID()).then().statusCode(404);
        validated().when().get(PRODUCTS + "?size=201").then().statusCode(400);
    }
}
