package com.finmatch.enterprise;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The government's roles in enterprise-service, least privilege (CONTRACT.md "Additions"): the industry bureau (工信局)
 * reads every enterprise, its needs and projects and keeps the clusters; a district government reads only its own
 * district's enterprises and needs (another district's is 404, lists are filtered); the finance bureau and the auditor
 * read no enterprise data here; nobody of the government changes an enterprise.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class GovernmentRolesTest {

    private static final String FIN = Tokens.financeBureau("fin1");
    private static final String IND = Tokens.industryBureau("ind1");
    private static final String DIST1 = Tokens.district("dist1", "441202");
    private static final String DIST2 = Tokens.district("dist2", "441203");
    private static final String AUDIT = Tokens.auditor("audit1");

    /** An enterprise of {@code district} named with {@code marker}, with one open need: {id, needId, owner}. */
    private static String[] enterpriseIn(String district, String marker) {
        String owner = newSubject("gov-owner");
        Map<String, Object> body = Fixtures.enterpriseBody(Fixtures.uscc());
        body.put("districtCode", district);
        body.put("name", "政府角色测试 " + marker + " " + district);
        String id = as(Tokens.enterprise(owner)).body(body).post("/api/v1/enterprises").then().statusCode(201)
                .extract().path("id");
        return new String[] {id, Fixtures.openNeed(owner, id), owner};
    }

    @Test
    void shouldShowADistrictOnlyItsOwnDistrictsEnterprisesAndNeeds() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String[] own = enterpriseIn("441202", marker);
        String[] other = enterpriseIn("441203", marker);

        as(DIST1).get("/api/v1/enterprises/" + own[0]).then().statusCode(200).body("districtCode", equalTo("441202"));
        as(DIST1).get("/api/v1/enterprises/" + own[0] + "/financing-needs").then().statusCode(200)
                .body("items.id", hasItem(own[1]));
        as(DIST1).get("/api/v1/enterprises/" + own[0] + "/financing-needs/" + own[1]).then().statusCode(200);

        as(DIST1).get("/api/v1/enterprises/" + other[0]).then().statusCode(404)
                .contentType("application/problem+json");
        as(DIST1).get("/api/v1/enterprises/" + other[0] + "/financing-needs").then().statusCode(404);
        as(DIST1).get("/api/v1/enterprises/" + other[0] + "/financing-needs/" + other[1]).then().statusCode(404);
        as(DIST2).get("/api/v1/enterprises/" + other[0]).then().statusCode(200);
        as(DIST2).get("/api/v1/enterprises/" + own[0]).then().statusCode(404);

        as(DIST1).queryParam("name", marker).get("/api/v1/enterprises").then().statusCode(200)
                .body("items.id", hasItem(own[0])).body("items.id", not(hasItem(other[0])))
                .body("items.districtCode", everyItem(equalTo("441202")));
        // asking for another district finds nothing rather than that district
        as(DIST1).queryParam("name", marker).queryParam("district", "441203").get("/api/v1/enterprises").then()
                .statusCode(200).body("total", equalTo(0));
        // a district token without its claim sees no district
        as(Tokens.token("dist-x", List.of("district"), Map.of())).queryParam("name", marker)
                .get("/api/v1/enterprises").then().statusCode(200).body("total", equalTo(0));
        as(Tokens.token("dist-x", List.of("district"), Map.of())).get("/api/v1/enterprises/" + own[0]).then()
                .statusCode(404);
    }

    @Test
    void shouldLetTheIndustryBureauReadEveryDistrictAndKeepTheClusters() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String[] a = enterpriseIn("441202", marker);
        String[] b = enterpriseIn("441203", marker);
        as(IND).queryParam("name", marker).get("/api/v1/enterprises").then().statusCode(200)
                .body("items.id", hasItem(a[0])).body("items.id", hasItem(b[0]));
        as(IND).get("/api/v1/enterprises/" + b[0] + "/financing-needs/" + b[1]).then().statusCode(200);
        as(IND).get("/api/v1/enterprises/" + b[0] + "/projects").then().statusCode(200);
        as(IND).get("/api/v1/projects").then().statusCode(200);
        String code = "GOV_IND_" + (System.nanoTime() % 100000);
        as(IND).body(Map.of("code", code, "nameZh", "新材料", "nameEn", "New materials"))
                .post("/api/v1/reference/clusters").then().statusCode(201).body("code", equalTo(code));
        // reading is not changing: no one of the government changes an enterprise or withdraws its need
        for (String token : List.of(IND, DIST1, FIN, AUDIT, Tokens.admin("admin1"))) {
            as(token).body(Fixtures.enterpriseBody(Fixtures.uscc())).put("/api/v1/enterprises/" + a[0]).then()
                    .statusCode(403);
            as(token).post("/api/v1/enterprises/" + a[0] + "/financing-needs/" + a[1] + "/withdraw").then()
                    .statusCode(403);
        }
    }

    @Test
    void shouldKeepTheFinanceBureauTheAuditorAndDistrictsOutOfWhatIsNotTheirs() {
        String[] a = enterpriseIn("441202", "fin");
        for (String token : List.of(FIN, AUDIT)) {
            as(token).get("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json");
            as(token).get("/api/v1/enterprises/" + a[0]).then().statusCode(403);
            as(token).get("/api/v1/enterprises/" + a[0] + "/financing-needs").then().statusCode(403);
            as(token).get("/api/v1/projects").then().statusCode(403);
        }
        for (String token : List.of(FIN, AUDIT, DIST1)) {
            as(token).body(Map.of("code", "GOV_NO", "nameZh", "无", "nameEn", "None"))
                    .post("/api/v1/reference/clusters").then().statusCode(403);
            as(token).get("/api/v1/enterprises/" + a[0] + "/consents").then().statusCode(403);
        }
        // a district reads its enterprises' needs but not their projects, consents or access log
        as(DIST1).get("/api/v1/enterprises/" + a[0] + "/projects").then().statusCode(403);
        as(DIST1).get("/api/v1/enterprises/" + a[0] + "/access-log").then().statusCode(403);
        given().get("/api/v1/enterprises/" + a[0]).then().statusCode(401);
    }
}
