package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 16 §4 in enterprise-service: an administrator's reads of enterprise data and writes are recorded with the
 * objects they touched; an enterprise's own writes and a bank's reads are not (enterprise-service's access log keeps
 * those); the chain verifies.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class AuditTrailTest {

    private static List<Map<String, Object>> entriesOf(String actor) {
        return given().auth().oauth2(Tokens.auditor(newSubject("auditor"))).queryParam("actor", actor)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void shouldRecordAnAdministratorsReadsOfEnterpriseDataButNotTheEnterprisesOwnWrites() {
        String owner = newSubject("audit-owner");
        String enterprise = Fixtures.registerEnterprise(owner);
        String need = Fixtures.openNeed(owner, enterprise);
        String adminSub = newSubject("audit-admin");
        String admin = Tokens.admin(adminSub);
        as(admin).get("/api/v1/enterprises/" + enterprise).then().statusCode(200);
        as(admin).get("/api/v1/enterprises/" + enterprise + "/financing-needs/" + need).then().statusCode(200);
        as(admin).get("/api/v1/reference/districts").then().statusCode(200); // reference data: not recorded

        List<Map<String, Object>> entries = entriesOf(adminSub);
        assertEquals(2, entries.size(), "entries: " + entries);
        assertEquals("GET /api/v1/enterprises/{id}/financing-needs/{needId}", entries.get(0).get("action"));
        assertEquals(Map.of("id", enterprise, "needId", need), entries.get(0).get("objects"));
        assertEquals("GET /api/v1/enterprises/{id}", entries.get(1).get("action"));
        assertEquals(200, entries.get(1).get("status"));
        assertEquals("admin", entries.get(1).get("roles"));
        assertEquals(List.of(), entriesOf(owner), "an enterprise's own writes are not audited");
    }

    @Test
    void shouldRecordAnAdministratorsWriteAndKeepTheChainIntact() {
        String adminSub = newSubject("audit-clusters");
        String code = "AUDIT_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        as(Tokens.admin(adminSub)).body(Map.of("code", code, "nameZh", "审计集群", "nameEn", "Audit cluster"))
                .post("/api/v1/reference/clusters").then().statusCode(201);
        List<Map<String, Object>> entries = entriesOf(adminSub);
        assertEquals(1, entries.size());
        assertEquals("POST /api/v1/reference/clusters", entries.get(0).get("action"));
        assertEquals(201, entries.get(0).get("status"));
        as(Tokens.auditor(newSubject("auditor"))).get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldRefuseTheAuditTrailToEnterprisesAndBanks() {
        as(Tokens.enterprise(newSubject("nosy"))).get("/api/v1/audit").then().statusCode(403);
        as(Tokens.bank(newSubject("nosy-bank"), "ZQRCB")).get("/api/v1/audit/export").then().statusCode(403);
    }
}
