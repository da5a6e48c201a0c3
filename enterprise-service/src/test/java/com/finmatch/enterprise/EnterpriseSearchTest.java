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
    void shouldFilterByDistrictClusterTagAndSizeClass() {
        java.util.Map<String, Object> body = Fixtures.enterpriseBody(Fixtures.uscc());
        body.put("districtCode", "441226");
        body.put("clusterCode", "FOOD_BEVERAGE");
        body.put("industryCode", "C1469");
        body.put("sizeClass", "MEDIUM");
        body.put("tags", java.util.List.of("SRDI_LITTLE_GIANT"));
        String match = Fixtures.as(Tokens.enterprise(Fixtures.newSubject("owner"))).body(body)
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        body = Fixtures.enterpriseBody(Fixtures.uscc());
        body.put("districtCode", "441226");
        body.put("clusterCode", "FOOD_BEVERAGE");
        body.put("sizeClass", "MICRO");
        String other = Fixtures.as(Tokens.enterprise(Fixtures.newSubject("owner"))).body(body)
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/enterprises?district=441226&cluster=FOOD_BEVERAGE&tag=SRDI_LITTLE_GIANT"
                        + "&sizeClass=MEDIUM")
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(match))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(other)))
                .body("items.districtCode", org.hamcrest.Matchers.everyItem(equalTo("441226")))
                .body("items.sizeClass", org.hamcrest.Matchers.everyItem(equalTo("MEDIUM")));
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/enterprises?district=441226&size=1&page=0")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).body("size", equalTo(1));
    }

    @Test
    void shouldAnswerAnUnknownTagOrSizeClassFilterWith400NamingIt() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/enterprises?tag=FAMOUS&sizeClass=HUGE")
                .then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("tag", "sizeClass"));
    }

    @Test
    void shouldPublishItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/enterprises/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/applications"));
    }

    @Test
    void shouldReportReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
