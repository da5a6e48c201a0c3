package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * One district of its own with two products of two banks and two enterprises of two clusters; each need matches
     * both products (4 matches), and the first enterprise has one lead at bank A, answered after an hour (one working
     * hour, as loan-service sends it).
     */
    @Test
    void shouldRestrictTheSummaryAndTheExportToAClusterADistrictOrABank() {
        String run = Events.id().substring(0, 8);
        String district = "D-" + run;
        String clusterA = "CL-A-" + run;
        String clusterB = "CL-B-" + run;
        String bankA = "BK-A-" + run;
        String bankB = "BK-B-" + run;
        String productA = Events.id();
        String e1 = Events.id();
        String e2 = Events.id();
        Events.publishProduct(productA, bankA, district, "3.50", 1);
        Events.publishProduct(Events.id(), bankB, district, "3.60", 1);
        Events.registerEnterprise(e1, "owner-" + e1, district, clusterA);
        Events.registerEnterprise(e2, "owner-" + e2, district, clusterB);
        Events.openNeed(e1, Events.id(), 800_000, "5.00");
        Events.openNeed(e2, Events.id(), 800_000, "5.00");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String application = Events.id();
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","status":"RECEIVED",
                 "previousStatus":"SUBMITTED","at":"%s","dueAt":"%s","submittedAt":"%s","responseWorkingHours":1.0}"""
                .formatted(application, productA, bankA, e1, now.minusHours(1), now.plusDays(3), now.minusHours(2)));
        String admin = Tokens.admin("admin-1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("district", district).when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("district", equalTo(district))
                .body("total.enterprisesRegistered", equalTo(2))
                .body("total.matches", equalTo(4))
                .body("total.applications", equalTo(1)));

        given().auth().oauth2(admin).queryParam("cluster", clusterA).when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("cluster", equalTo(clusterA))
                .body("total.enterprisesRegistered", equalTo(1))
                .body("total.openNeeds", equalTo(1))
                .body("total.matches", equalTo(2))
                .body("total.applications", equalTo(1))
                .body("total.acceptanceRate", equalTo(100.0f))
                .body("total.medianResponseHours", equalTo(1.0f))
                .body("total.riskPoolExposure", equalTo(0.0f));
        given().auth().oauth2(admin).queryParam("cluster", " " + clusterB + " ").when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("cluster", equalTo(clusterB))
                .body("total.enterprisesRegistered", equalTo(1))
                .body("total.matches", equalTo(2))
                .body("total.applications", equalTo(0));
        given().auth().oauth2(admin).queryParam("bankId", bankA).when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("bankId", equalTo(bankA))
                .body("total.enterprisesRegistered", equalTo(2))
                .body("total.openNeeds", equalTo(2))
                .body("total.matches", equalTo(2))
                .body("total.applications", equalTo(1));
        given().auth().oauth2(admin).queryParam("bankId", bankB).queryParam("cluster", clusterA)
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("total.enterprisesRegistered", equalTo(1))
                .body("total.matches", equalTo(1))
                .body("total.applications", equalTo(0));
        given().auth().oauth2(admin).queryParam("cluster", clusterA).queryParam("groupBy", "bank")
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("groups.key", equalTo(List.of(bankA, bankB)))
                .body("groups[0].applications", equalTo(1))
                .body("groups[1].applications", equalTo(0))
                .body("groups[1].matches", equalTo(1));
        given().auth().oauth2(admin).queryParam("district", district).queryParam("from", "2099-01-01")
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("total.enterprisesRegistered", equalTo(0))
                .body("total.matches", equalTo(0));
        given().auth().oauth2(admin).queryParam("cluster", "CL-NONE-" + run).queryParam("groupBy", "district")
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("total.enterprisesRegistered", equalTo(0))
                .body("total.matches", equalTo(0))
                .body("groups", empty());

        String csv = given().auth().oauth2(admin).queryParam("bankId", bankA).queryParam("groupBy", "cluster")
                .when().get("/api/v1/stats/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(1).startsWith(clusterA + ",1,0,1,1,1,100.00,"), csv);
        assertTrue(lines.get(2).startsWith(clusterB + ",1,0,1,1,0,0.00,"), csv);
        assertTrue(lines.get(3).startsWith("TOTAL,2,0,2,2,1,100.00,"), csv);
    }

    @Test
    void shouldEchoNoFilterWhenNoneIsGiven() {
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("cluster", nullValue())
                .body("district", nullValue())
                .body("bankId", nullValue());
    }

    @Test
    void shouldRejectAMalformedFilterNamingTheParameter() {
        String admin = Tokens.admin("admin-1");
        given().auth().oauth2(admin).queryParam("cluster", "   ").when().get("/api/v1/stats/summary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("cluster"));
        given().auth().oauth2(admin).queryParam("district", "4".repeat(65)).when().get("/api/v1/stats/summary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("district"))
                .body("violations[0].message", equalTo("must be at most 64 characters"));
        // an empty value is an absent one, as for every query parameter
        given().auth().oauth2(admin).when().get("/api/v1/stats/summary?groupBy=cluster&cluster=")
                .then().statusCode(200)
                .body("cluster", nullValue());
        given().auth().oauth2(admin).queryParam("bankId", " ").queryParam("groupBy", "bank")
                .when().get("/api/v1/stats/export")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("bankId"));
        given().auth().oauth2(admin).queryParam("district", "4".repeat(64)).when().get("/api/v1/stats/summary")
                .then().statusCode(200)
                .body("total.enterprisesRegistered", equalTo(0));
    }

    @Test
    void shouldForbidFilteredStatsAndExportsToABankEvenForItsOwnBankId() {
        given().auth().oauth2(Tokens.bank("bank-user", "ZQRCB")).queryParam("bankId", "ZQRCB")
                .when().get("/api/v1/stats/summary")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.bank("bank-user", "ZQRCB")).queryParam("bankId", "ZQRCB")
                .when().get("/api/v1/stats/export")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise("user-a")).queryParam("cluster", "NEV")
                .when().get("/api/v1/stats/export")
                .then().statusCode(403);
    }
}
