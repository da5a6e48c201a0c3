package com.finmatch.loan;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class LeadAccessTest {

    @Test
    void shouldGiveABankItsLeads() {
        given().auth().oauth2(Tokens.bank("bank1", "ZQRCB"))
                .when().get("/api/v1/leads")
                .then().statusCode(200)
                .body("page", equalTo(0));
    }

    @Test
    void shouldGiveABankClientCredentialsTokenItsLeads() {
        given().auth().oauth2(Tokens.bank("service-account-bank-zqrcb", "ZQRCB"))
                .when().get("/api/v1/leads")
                .then().statusCode(200);
    }

    @Test
    void shouldForbidLeadsToAnEnterprise() {
        given().auth().oauth2(Tokens.enterprise("ent1"))
                .when().get("/api/v1/leads")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectLeadsWithoutATokenWith401() {
        given().when().get("/api/v1/leads")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectABankTokenWithoutBankIdWith403() {
        given().auth().oauth2(Tokens.token("bank-x", java.util.List.of("bank"), java.util.Map.of()))
                .when().get("/api/v1/leads")
                .then().statusCode(403);
    }

    @Test
    void shouldAnswerAnUnknownStatusFilterWith400NamingIt() {
        given().auth().oauth2(Tokens.bank("bank1", "ZQRCB"))
                .when().get("/api/v1/leads?status=LOST")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void shouldReportReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldPublishItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/leads/{id}/decisions'.post", org.hamcrest.Matchers.notNullValue());
    }
}
