package com.finmatch.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The government's roles in matching-service, least privilege (CONTRACT.md "Additions"): a district government sees
 * the matches, recommendations and KPIs of its own district only (another district's enterprise is 404, lists and
 * exports are filtered, another district's KPIs are 404); the finance bureau (金融局) reads the banks' scorecards; both
 * bureaus read the whole city's KPIs; the auditor gets none of this; the administrator keeps everything.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class GovernmentRolesTest {

    private static final String DIST1 = Tokens.district("dist1", "441202");
    private static final String DIST2 = Tokens.district("dist2", "441203");
    private static final String FIN = Tokens.financeBureau("fin1");
    private static final String IND = Tokens.industryBureau("ind1");
    private static final String AUDIT = Tokens.auditor("audit1");

    /**
     * A need of a new enterprise in {@code district} matched to a product of {@code bank}: {enterprise, need}. The
     * product admits that enterprise's cluster only (one of its own), so that it matches no other test's enterprise of
     * the same real district (RecommendationFlowTest counts the products its 441202 enterprise is matched with).
     */
    private static String[] matchedNeed(String bank, String district) {
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        String cluster = "GOV-" + enterprise.substring(0, 8);
        Events.send("product.events", product, "finmatch.product.ProductPublished.v1",
                Events.product(product, bank, district, "3.50", 1, "PUBLISHED").replace("\"rules\":[",
                        "\"rules\":[{\"field\":\"clusterCode\",\"operator\":\"EQ\",\"value\":\"" + cluster
                                + "\",\"hard\":true,\"weight\":0,\"message\":{\"zh\":\"本集群\",\"en\":\"This cluster\"}},"));
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, cluster);
        Events.openNeed(enterprise, need, 800_000, "5.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().get("/api/v1/matches?district=" + district + "&size=200")
                .then().statusCode(200).body("items.needId", hasItem(need)));
        return new String[] {enterprise, need};
    }

    @Test
    void shouldShowADistrictOnlyItsOwnDistrictsMatchesRecommendationsAndKpis() {
        String[] own = matchedNeed("BANK-GOV", "441202");
        String[] other = matchedNeed("BANK-GOV", "441203");

        given().auth().oauth2(DIST1).get("/api/v1/matches?size=200").then().statusCode(200)
                .body("items.needId", hasItem(own[1])).body("items.needId", not(hasItem(other[1])))
                .body("items.districtCode", everyItem(equalTo("441202")));
        given().auth().oauth2(DIST1).get("/api/v1/matches?district=441203&size=200").then().statusCode(200)
                .body("items.needId", not(hasItem(other[1]))).body("total", equalTo(0));
        given().auth().oauth2(DIST2).get("/api/v1/matches?size=200").then().statusCode(200)
                .body("items.needId", hasItem(other[1])).body("items.needId", not(hasItem(own[1])));

        given().auth().oauth2(DIST1).get("/api/v1/recommendations/enterprises/" + own[0]).then().statusCode(200);
        given().auth().oauth2(DIST1).get("/api/v1/recommendations/enterprises/" + other[0]).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(DIST2).get("/api/v1/recommendations/enterprises/" + other[0]).then().statusCode(200);

        given().auth().oauth2(DIST1).get("/api/v1/stats/summary?groupBy=district").then().statusCode(200)
                .body("groups.key", everyItem(equalTo("441202"))).body("groups.key", hasItem("441202"));
        given().auth().oauth2(DIST1).get("/api/v1/stats/summary?district=441203").then().statusCode(404);
        given().auth().oauth2(DIST1).get("/api/v1/stats/series?district=441203").then().statusCode(404);
        given().auth().oauth2(DIST1).get("/api/v1/stats/export/xlsx?district=441203").then().statusCode(404);
        given().auth().oauth2(DIST1).get("/api/v1/stats/report?district=441203").then().statusCode(404);
        String csv = given().auth().oauth2(DIST1).get("/api/v1/stats/export?groupBy=district").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("441202"), csv);
        assertFalse(csv.contains("441203"), csv);
        String all = given().auth().oauth2(Tokens.admin("admin1")).get("/api/v1/stats/export?groupBy=district")
                .then().statusCode(200).extract().asString();
        assertTrue(all.contains("441202") && all.contains("441203"), all);
    }

    @Test
    void shouldLetTheFinanceBureauReadScorecardsButNotMatches() {
        given().auth().oauth2(FIN).get("/api/v1/scorecards/banks").then().statusCode(200);
        given().auth().oauth2(FIN).get("/api/v1/matches").then().statusCode(403);
    }

    @Test
    void shouldLetBothBureausReportOnTheWholeCity() {
        matchedNeed("BANK-CITY", "441202");
        matchedNeed("BANK-CITY", "441203");
        given().auth().oauth2(FIN).get("/api/v1/stats/summary?groupBy=district").then().statusCode(200)
                .body("groups.key", hasItem("441202")).body("groups.key", hasItem("441203"));
        String csv = given().auth().oauth2(IND).get("/api/v1/stats/export?groupBy=district").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("441202") && csv.contains("441203"), csv);
        given().auth().oauth2(IND).get("/api/v1/stats/report").then().statusCode(200);
    }

    @Test
    void shouldKeepTheIndustryBureauTheAuditorAndDistrictsOutOfWhatIsNotTheirs() {
        for (String token : List.of(IND, AUDIT)) {
            given().auth().oauth2(token).get("/api/v1/matches").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/v1/scorecards/banks").then().statusCode(403);
        }
        given().auth().oauth2(AUDIT).get("/api/v1/stats/summary").then().statusCode(403);
        for (String token : List.of(DIST1, IND, AUDIT, FIN)) {
            given().auth().oauth2(token).post("/api/v1/admin/rematch").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/matches/stream").then().statusCode(403);
        }
        given().auth().oauth2(DIST1).get("/api/v1/scorecards/banks").then().statusCode(403);
    }
}
