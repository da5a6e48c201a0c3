package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class EnterpriseSearchTest {

    @Test
    void shouldLetAnAdminSearchEnterprises() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/enterprises")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", notNullValue());
    }

    @Test
    void shouldRejectAnEnterpriseUserWith403() {
        given().auth().oauth2(Tokens.enterprise("user-a"))
                .when().get("/api/v1/enterprises")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void shouldRejectAMissingTokenWith401() {
        given().when().get("/api/v1/enterprises")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectATokenForAnotherAudienceWith401() {
        given().auth().oauth2(Tokens.forOtherAudience("admin-1"))
                .when().get("/api/v1/enterprises")
                .then().statusCode(401);
    }

    @Test
    void shouldAnswerAnOversizedPageWithAProblemNamingTheField() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/enterprises?size=500")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void shouldReportReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
