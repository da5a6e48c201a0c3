package com.finmatch.loan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The government's roles in loan-service, least privilege (CONTRACT.md "Additions"): the finance bureau (金融局) runs
 * banks, product suspensions and policy tools and reads leads; the industry bureau (工信局) runs IPO training; a
 * district and an auditor act on nothing here; and only the bank that owns a lead decides on it — no administrator
 * or bureau does (403).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class GovernmentRolesTest {

    private static final String FIN = Tokens.financeBureau("fin1");
    private static final String IND = Tokens.industryBureau("ind1");
    private static final String DIST = Tokens.district("dist1", "441202");
    private static final String AUDIT = Tokens.auditor("audit1");
    private static final String ADMIN = Tokens.admin("admin1");

    private static final String POOL = """
            {"kind": "RISK_POOL", "name": "风险补偿资金池", "poolSize": 200000000,
             "coverageShare": 0.5, "perEnterpriseCap": 5000000, "exposureUsed": 1000000}
            """;
    private static final String OFFER = """
            {"organiser": "深圳证券交易所广东服务基地", "title": "创业板上市培育营", "format": "OFFLINE",
             "startsOn": "2027-03-10", "endsOn": "2027-03-12", "seats": 5,
             "rules": [{"field": "listingIntention", "operator": "IN", "value": ["CONSIDERING", "PREPARING"],
                        "hard": true, "weight": 0, "message": {"zh": "有上市意向", "en": "Has a listing intention"}}]}
            """;

    private static int post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when().post(path).statusCode();
    }

    private static String publishedProduct(String bankId) {
        String bank = Tokens.bank("bank-user", bankId);
        String id = given().auth().oauth2(bank).contentType(ContentType.JSON).body(TestData.productJson("政策贷"))
                .when().post("/api/v1/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(bank).when().post("/api/v1/products/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void shouldLetTheFinanceBureauRunPolicyToolsAndSuspendProductsButNotTraining() {
        assertEquals(201, post(FIN, "/api/v1/policy-tools", POOL));
        String product = publishedProduct(TestData.bankUnique("FINB"));
        given().auth().oauth2(FIN).when().post("/api/v1/products/" + product + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        assertEquals(403, post(FIN, "/api/v1/training-offers", OFFER));
    }

    @Test
    void shouldLetTheFinanceBureauReadEveryBanksLeadsButDecideOnNone() {
        String bankId = TestData.bankUnique("FINL");
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        given().auth().oauth2(FIN).get("/api/v1/leads/" + lead).then().statusCode(200).body("bankId", equalTo(bankId));
        given().auth().oauth2(FIN).queryParam("bankId", bankId).get("/api/v1/leads").then().statusCode(200)
                .body("total", equalTo(1));
        for (String token : List.of(FIN, ADMIN, IND, DIST, AUDIT)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"action\": \"RECEIVE\"}")
                    .when().post("/api/v1/leads/" + lead + "/decisions").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).get("/api/v1/leads/" + lead).then()
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).contentType(ContentType.JSON)
                .body("{\"action\": \"RECEIVE\"}").when().post("/api/v1/leads/" + lead + "/decisions")
                .then().statusCode(200);
    }

    @Test
    void shouldLetTheIndustryBureauRunTrainingButNotProductsToolsOrLeads() {
        assertEquals(201, post(IND, "/api/v1/training-offers", OFFER));
        assertEquals(403, post(IND, "/api/v1/policy-tools", POOL));
        String product = publishedProduct(TestData.bankUnique("INDB"));
        given().auth().oauth2(IND).when().post("/api/v1/products/" + product + "/suspend").then().statusCode(403);
        given().auth().oauth2(IND).get("/api/v1/leads").then().statusCode(403);
    }

    @Test
    void shouldLetADistrictAndAnAuditorActOnNothingHere() {
        String product = publishedProduct(TestData.bankUnique("NOB"));
        for (String token : List.of(DIST, AUDIT)) {
            assertEquals(403, post(token, "/api/v1/policy-tools", POOL));
            assertEquals(403, post(token, "/api/v1/training-offers", OFFER));
            given().auth().oauth2(token).when().post("/api/v1/products/" + product + "/suspend").then()
                    .statusCode(403);
            given().auth().oauth2(token).get("/api/v1/leads").then().statusCode(403);
        }
        given().get("/api/v1/products/" + product).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    private static void assertEquals(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
