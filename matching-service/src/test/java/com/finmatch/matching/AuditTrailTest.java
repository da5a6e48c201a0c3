package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 16 §4 in matching-service: an administrator's look at an enterprise's recommendations and a write are recorded
 * (a KPI summary, which names no enterprise, is not); the auditor verifies the chain; a bank may not read the trail.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class AuditTrailTest {

    @Test
    void shouldRecordAnAdministratorsReadOfAnEnterprisesRecommendationsAndWrites() {
        String adminSub = "audit-admin-" + UUID.randomUUID();
        String admin = Tokens.admin(adminSub);
        String enterprise = UUID.randomUUID().toString();
        int status = given().auth().oauth2(admin).get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().extract().statusCode();
        given().auth().oauth2(admin).get("/api/v1/stats/summary").then().statusCode(200);
        given().auth().oauth2(admin).post("/api/v1/admin/dead-letters/redrive-all").then().statusCode(200);

        String auditor = Tokens.auditor("auditor-" + UUID.randomUUID());
        List<Map<String, Object>> entries = given().auth().oauth2(auditor).queryParam("actor", adminSub)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, entries.size(), "entries: " + entries);
        assertEquals("POST /api/v1/admin/dead-letters/redrive-all", entries.get(0).get("action"));
        assertEquals("GET /api/v1/recommendations/enterprises/{id}", entries.get(1).get("action"));
        assertEquals(Map.of("id", enterprise), entries.get(1).get("objects"));
        assertEquals(status, entries.get(1).get("status"));
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
        given().auth().oauth2(Tokens.bank("nosy-bank", "ZQRCB")).get("/api/v1/audit/verify").then().statusCode(403);
    }
}
