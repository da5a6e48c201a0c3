package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class StatsSummaryTest {

    @Test
    void shouldGiveAnAdministratorRealNumbersEvenWithoutData() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("total.enterprisesRegistered", greaterThanOrEqualTo(0))
                .body("total.applications", greaterThanOrEqualTo(0))
                .body("total.acceptanceRate", notNullValue())
                .body("total.medianResponseHours", notNullValue())
                .body("lprOneYear", equalTo(3.00f));
    }

    @Test
    void shouldForbidStatsToABank() {
        given().auth().oauth2(Tokens.bank("bank-user", "ZQRCB"))
                .when().get("/api/v1/stats/summary")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldForbidStatsToAnEnterprise() {
        given().auth().oauth2(Tokens.enterprise("user-a"))
                .when().get("/api/v1/stats/summary")
                .then().statusCode(403);
    }

    @Test
    void shouldRejectStatsWithoutATokenWith401() {
        given().when().get("/api/v1/stats/summary")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnUnknownGroupingNamingTheField() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/stats/summary?groupBy=planet")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("groupBy"));
    }

    @Test
    void shouldRejectAMalformedPeriodNamingTheField() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/stats/summary?from=yesterday")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void shouldExportTheKpisAsCsvWithAHeaderAndATotalRow() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/stats/export?groupBy=cluster")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("group,enterprisesRegistered,"))
                .body(containsString("\r\nTOTAL,"));
    }
}
