package com.finmatch.loan;

import com.finmatch.platform.audit.AuditConfig;
import com.finmatch.platform.audit.AuditEntry;
import com.finmatch.platform.audit.AuditTrail;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 §4: loan-service's audit trail records a bank's and an administrator's writes and an administrator's reads
 * of leads (enterprise data), not an enterprise's writes nor a bank's reads; the auditor searches, exports and verifies
 * it; a row changed behind the application's back is named by the verification.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit";

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    AuditConfig config;

    private static String auditor() {
        return Tokens.auditor("auditor-" + UUID.randomUUID());
    }

    /** The audit entries of one actor, newest first. */
    private static List<Map<String, Object>> entriesOf(String actor) {
        return given().auth().oauth2(auditor()).queryParam("actor", actor).queryParam("size", 200).get(AUDIT)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static String offer() {
        return "{\"organiser\": \"北交所\", \"title\": \"审计培训\", \"format\": \"ONLINE\", \"startsOn\": \"2027-01-01\","
                + " \"endsOn\": \"2027-01-02\", \"seats\": 5}";
    }

    @Test
    void shouldRecordWhoDidWhatToWhichObjectFromWhichClient() {
        String banker = "audit-banker-" + UUID.randomUUID();
        String bankId = TestData.bankUnique("AUD");
        String bank = Tokens.token(banker, List.of("bank"), Map.of("bank_id", bankId, "azp", "bank-aud-client"));
        Instant before = Instant.now().minusSeconds(1);
        String product = given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("审计产品")).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(bank).post("/api/v1/products/" + product + "/publish").then().statusCode(200);
        given().auth().oauth2(bank).get("/api/v1/leads").then().statusCode(200); // a bank's read: not recorded

        List<Map<String, Object>> entries = entriesOf(banker);
        assertEquals(2, entries.size(), "entries: " + entries);
        Map<String, Object> publish = entries.get(0);
        assertEquals("POST /api/v1/products/{id}/publish", publish.get("action"));
        assertEquals(Map.of("id", product), publish.get("objects"));
        assertEquals(200, publish.get("status"));
        assertEquals(banker, publish.get("subject"));
        assertEquals(banker, publish.get("userName"));
        assertEquals("bank", publish.get("roles"));
        assertEquals("bank-aud-client", publish.get("clientId"));
        assertEquals("127.0.0.1", publish.get("remoteAddress"));
        assertFalse(Instant.parse((String) publish.get("at")).isBefore(before));
        Map<String, Object> create = entries.get(1);
        assertEquals("POST /api/v1/products", create.get("action"));
        assertEquals(201, create.get("status"));
        assertEquals(Map.of(), create.get("objects"));
        assertEquals(create.get("hash"), publish.get("prevHash"), "the publish follows the create in the chain");
    }

    @Test
    void shouldRecordAnAdministratorsWritesAndReadsOfEnterpriseDataButNotAnEnterprisesWrites() {
        String adminSub = "audit-admin-" + UUID.randomUUID();
        String admin = Tokens.admin(adminSub);
        String offer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(offer())
                .post("/api/v1/training-offers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).get("/api/v1/training-offers/" + offer + "/enrolments").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/leads").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/training-offers/" + offer).then().statusCode(200); // no enterprise data
        given().auth().oauth2(admin).post("/api/v1/training-offers/" + offer + "/close").then().statusCode(200);

        List<String> actions = entriesOf(adminSub).stream().map(e -> e.get("action") + " " + e.get("status")).toList();
        assertEquals(List.of("POST /api/v1/training-offers/{id}/close 200", "GET /api/v1/leads 200",
                "GET /api/v1/training-offers/{id}/enrolments 200", "POST /api/v1/training-offers 201"), actions);

        String enterpriseSub = "audit-enterprise-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.enterprise(enterpriseSub)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/training-offers/" + offer + "/enrolments");
        assertEquals(List.of(), entriesOf(enterpriseSub), "an enterprise's writes are not audited");
    }

    @Test
    void shouldRecordARefusedAttemptWithItsStatus() {
        String auditorSub = "audit-self-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.auditor(auditorSub)).contentType(ContentType.JSON)
                .body(TestData.productJson("审计员不可")).post("/api/v1/products").then().statusCode(403);
        List<Map<String, Object>> entries = entriesOf(auditorSub);
        assertEquals(1, entries.size());
        assertEquals("POST /api/v1/products", entries.get(0).get("action"));
        assertEquals(403, entries.get(0).get("status"));
    }

    @Test
    void shouldSearchByActionObjectAndTime() {
        String adminSub = "audit-search-" + UUID.randomUUID();
        String admin = Tokens.admin(adminSub);
        String offer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(offer())
                .post("/api/v1/training-offers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).post("/api/v1/training-offers/" + offer + "/close").then().statusCode(200);

        JsonPath byObject = given().auth().oauth2(auditor()).queryParam("object", offer).get(AUDIT)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, byObject.getInt("total"));
        assertEquals("POST /api/v1/training-offers/{id}/close", byObject.getString("items[0].action"));
        String at = byObject.getString("items[0].at");
        JsonPath byAction = given().auth().oauth2(Tokens.admin("another-admin")).queryParam("actor", adminSub)
                .queryParam("action", "post /api/v1/training-offers/{id}/CLOSE").get(AUDIT)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, byAction.getInt("total"));
        assertEquals(1, given().auth().oauth2(auditor()).queryParam("actor", adminSub).queryParam("from", at)
                .queryParam("to", Instant.parse(at).plusNanos(1000).toString()).get(AUDIT).then().statusCode(200)
                .extract().jsonPath().getInt("total"), "from is inclusive");
        assertEquals(0, given().auth().oauth2(auditor()).queryParam("object", offer).queryParam("to", at)
                .get(AUDIT).then().statusCode(200).extract().jsonPath().getInt("total"), "to is exclusive");
        given().auth().oauth2(auditor()).queryParam("from", "yesterday").get(AUDIT).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
    }

    @Test
    void shouldExportTheTrailAsCsvWithItsHashes() {
        String adminSub = "audit-export-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.admin(adminSub)).contentType(ContentType.JSON).body(offer())
                .post("/api/v1/training-offers").then().statusCode(201);
        String csv = given().auth().oauth2(auditor()).queryParam("actor", adminSub).get(AUDIT + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("finmatch-audit.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertEquals("seq,id,at,subject,userName,roles,clientId,remoteAddress,method,route,objects,status,prevHash,hash",
                lines[0]);
        String hash = given().auth().oauth2(auditor()).queryParam("actor", adminSub).get(AUDIT).then().statusCode(200)
                .extract().path("items[0].hash");
        assertTrue(lines[1].contains("," + adminSub + ",") && lines[1].contains(",POST,/api/v1/training-offers,")
                && lines[1].endsWith("," + hash), lines[1]);
    }

    @Test
    void shouldVerifyTheChainAndNameARowChangedBySql() throws SQLException {
        String adminSub = "audit-tamper-" + UUID.randomUUID();
        String admin = Tokens.admin(adminSub);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(offer()).post("/api/v1/training-offers")
                    .then().statusCode(201);
        }
        given().auth().oauth2(auditor()).get(AUDIT + "/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("firstBroken", equalTo(null));
        Map<String, Object> victim = entriesOf(adminSub).get(1);
        long seq = ((Number) victim.get("seq")).longValue();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_entry set status = 200 where seq = " + seq));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            s.execute("set session_replication_role = replica"); // what only a superuser can: triggers off
            s.executeUpdate("update audit_entry set status = 200 where seq = " + seq);
            try {
                given().auth().oauth2(auditor()).get(AUDIT + "/verify").then().statusCode(200)
                        .body("intact", equalTo(false)).body("firstBroken.seq", equalTo((int) seq))
                        .body("firstBroken.id", equalTo(victim.get("id")))
                        .body("firstBroken.reason", containsString("does not match its hash"));
            } finally {
                s.executeUpdate("update audit_entry set status = 201 where seq = " + seq);
                s.execute("set session_replication_role = origin");
            }
        }
        given().auth().oauth2(auditor()).get(AUDIT + "/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void shouldKeepOneUnbrokenChainUnderConcurrentAppends() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuditEntry>> appended = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                appended.add(pool.submit(() -> trail.append(new AuditEntry.Draft(UUID.randomUUID(), Instant.now(),
                        "concurrent", null, "admin", null, "127.0.0.1", "POST", "/api/v1/banks", new TreeMap<>(),
                        201))));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<AuditEntry> f : appended) {
                seqs.add(f.get().seq());
            }
            assertEquals(80, seqs.stream().distinct().count());
            assertEquals(79, seqs.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - seqs.stream().mapToLong(Long::longValue).min().orElseThrow(), "no gaps while nothing else appends");
        } finally {
            pool.shutdown();
        }
        var report = trail.verify();
        assertTrue(report.intact(), "report: " + report);
        assertNull(report.firstBroken());
    }

    /** A role added to the realm is audited unless someone decides otherwise here (and says why in the README). */
    @Test
    void shouldAuditTheWritesOfEveryRealmRoleButTheEnterprises() {
        assertEquals(Tokens.REALM_ROLES.stream().filter(r -> !r.equals("enterprise")).collect(
                java.util.stream.Collectors.toSet()), config.actorRoles());
    }

    @Test
    void shouldRefuseTheAuditTrailToEnterprisesAndBanks() {
        for (String token : List.of(Tokens.enterprise("audit-nosy"), Tokens.bank("audit-nosy-bank", "ZQRCB"))) {
            for (String path : List.of(AUDIT, AUDIT + "/export", AUDIT + "/verify")) {
                given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().get(AUDIT).then().statusCode(401);
    }
}
