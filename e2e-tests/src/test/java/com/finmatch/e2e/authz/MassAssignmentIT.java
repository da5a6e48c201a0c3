package com.finmatch.e2e.authz;

import static com.finmatch.e2e.authz.Api.ENTERPRISE;
import static com.finmatch.e2e.authz.Api.LOAN;
import static com.finmatch.e2e.authz.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.e2e.RealStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §4, mass assignment: every write, sent with the fields its caller may not set (ids, owner, enterprise,
 * bank, status, version, timestamps) set to an attacker's values; the stored object (read back through the API) keeps
 * what the server decides — the request is either refused or those fields are ignored.
 */
@ExtendWith({RealStack.class, AuthzFixture.Once.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MassAssignmentIT {
    private static final String PAST = "2000-01-01T00:00:00Z";
    private static AuthzFixture f;
    private static Instant started;

    @BeforeAll
    static void createTheObjects() {
        f = AuthzFixture.get();
        started = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The body plus the fields no caller sets, with an attacker's values. */
    private static Map<String, Object> withForeignFields(Map<String, Object> body) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("id", UUID.randomUUID().toString());
        b.put("enterpriseId", f.entB);
        b.put("ownerSub", "attacker");
        b.put("bankId", Actor.BANK_Y_USER.bankId);
        b.put("status", "APPROVED");
        b.put("version", 999);
        b.put("createdAt", PAST);
        b.put("updatedAt", PAST);
        return b;
    }

    private static String enterprises(String path) {
        return ENTERPRISE + "/enterprises/" + f.entA + path;
    }

    @Test
    void a_new_financing_need_belongs_to_the_enterprise_of_its_path_and_is_open() {
        Map<String, Object> body = withForeignFields(AuthzFixture.needBody());
        body.put("status", "FULFILLED");
        body.put("openedAt", PAST);
        body.put("closedAt", PAST);
        Api.Reply r = Api.post(Actor.ENT_A, enterprises("/financing-needs"), body);
        JsonNode stored = storedOrRefused(r, Actor.ENT_A, enterprises("/financing-needs/"));
        if (stored != null) {
            assertNotEquals(body.get("id"), stored.path("id").asText(), "the id is the server's");
            assertEquals(f.entA, stored.path("enterpriseId").asText());
            assertEquals("OPEN", stored.path("status").asText());
            assertRecent(stored.path("openedAt"));
            assertTrue(absent(stored.path("closedAt")), stored.toString());
        }
    }

    @Test
    void a_new_consent_is_live_granted_now_and_of_the_enterprise_of_its_path() {
        Map<String, Object> body = withForeignFields(AuthzFixture.consentBody(AuthzFixture.BYSTANDER_BANK,
                List.of("PROFILE"), AuthzFixture.days(10)));
        body.put("bankId", AuthzFixture.BYSTANDER_BANK);
        body.put("revokedAt", PAST);
        body.put("grantedAt", PAST);
        body.put("active", false);
        JsonNode stored = storedOrRefused(Api.post(Actor.ENT_A, enterprises("/consents"), body), Actor.ENT_A,
                enterprises("/consents/"));
        if (stored != null) {
            assertEquals(f.entA, stored.path("enterpriseId").asText());
            assertTrue(absent(stored.path("revokedAt")), "not revoked: " + stored);
            assertTrue(stored.path("active").asBoolean(), "live: " + stored);
            assertRecent(stored.path("grantedAt"));
            assertNotEquals(body.get("id"), stored.path("id").asText());
        }
    }

    @Test
    void a_new_project_belongs_to_the_enterprise_of_its_path() {
        Map<String, Object> body = withForeignFields(AuthzFixture.projectBody());
        body.put("registeredAt", PAST);
        JsonNode stored = storedOrRefused(Api.post(Actor.ENT_A, enterprises("/projects"), body), Actor.ENT_A,
                enterprises("/projects/"));
        if (stored != null) {
            assertEquals(f.entA, stored.path("enterpriseId").asText());
            assertRecent(stored.path("registeredAt"));
            assertNotEquals(body.get("id"), stored.path("id").asText());
        }
    }

    @Test
    void an_enterprise_update_changes_neither_its_id_nor_its_owner_nor_its_version_counter() {
        Api.Reply before = Api.get(Actor.ENT_A, ENTERPRISE + "/enterprises/" + f.entA);
        JsonNode old = ok(before, "profile");
        Map<String, Object> body = withForeignFields(AuthzFixture.enterpriseBody(old.path("uscc").asText(),
                Actor.ENT_A));
        Api.Reply r = Api.call(Actor.ENT_A, "PUT", ENTERPRISE + "/enterprises/" + f.entA, body,
                Map.of("If-Match", "\"" + old.path("version").asLong() + "\""));
        assertTrue(r.ok() || r.status() == 400, "updated or refused: " + r.brief());
        JsonNode stored = ok(Api.get(Actor.ENT_A, ENTERPRISE + "/enterprises/" + f.entA), "owner still reads it");
        assertEquals(f.entA, stored.path("id").asText());
        assertEquals(old.path("createdAt").asText(), stored.path("createdAt").asText());
        assertEquals(old.path("version").asLong() + (r.ok() ? 1 : 0), stored.path("version").asLong());
        assertEquals(404, Api.get(Actor.ENT_B, ENTERPRISE + "/enterprises/" + f.entA).status(),
                "B did not become its owner");
        assertEquals(f.entB, ok(Api.get(Actor.ENT_B, ENTERPRISE + "/enterprises/me"), "B's own").path("id").asText());
    }

    @Test
    void an_application_goes_to_the_products_bank_as_submitted_with_its_consent_to_that_bank() {
        String need = AuthzFixture.need(Actor.ENT_A, f.entA);
        List<String> before = activeConsents().stream().map(c -> c.path("id").asText()).toList();
        Map<String, Object> body = withForeignFields(Map.of("financingNeedId", need, "productId", f.publishedX));
        body.put("submittedAt", PAST);
        body.put("history", List.of(Map.of("status", "APPROVED", "at", PAST)));
        body.put("consent", Map.of("categories", List.of("PROFILE"), "expiresAt", AuthzFixture.days(5).toString(),
                "bankId", Actor.BANK_Y_USER.bankId, "enterpriseId", f.entB));
        Api.Reply r = Api.post(Actor.ENT_A, ENTERPRISE + "/applications", body);
        JsonNode stored = storedOrRefused(r, Actor.ENT_A, ENTERPRISE + "/applications/");
        if (stored == null) {
            return;
        }
        assertEquals(f.entA, stored.path("enterpriseId").asText());
        assertEquals(Actor.BANK_X_USER.bankId, stored.path("bankId").asText(), "the product's bank");
        assertEquals("SUBMITTED", stored.path("status").asText());
        assertEquals(1, stored.path("history").size(), "one step: " + stored.path("history"));
        assertRecent(stored.path("submittedAt"));
        List<JsonNode> after = activeConsents();
        assertTrue(after.stream().noneMatch(c -> !before.contains(c.path("id").asText())
                && !c.path("bankId").asText().equals(Actor.BANK_X_USER.bankId)), "no new consent but to the"
                + " product's bank: " + after);
        assertTrue(after.stream().anyMatch(c -> c.path("bankId").asText().equals(Actor.BANK_X_USER.bankId)),
                "the product's bank holds a live consent: " + after);
        assertEquals(404, Api.get(Actor.ENT_B, ENTERPRISE + "/applications/" + stored.path("id").asText()).status());
    }

    @Test
    void a_new_product_is_a_draft_of_the_callers_bank() {
        Map<String, Object> body = withForeignFields(AuthzFixture.productBody("mass assignment"));
        body.put("status", "PUBLISHED");
        body.put("publishedAt", PAST);
        Api.Reply r = Api.post(Actor.BANK_X_CLIENT, LOAN + "/products", body);
        JsonNode stored = storedOrRefused(r, Actor.BANK_X_CLIENT, LOAN + "/products/");
        if (stored == null) {
            return;
        }
        String id = stored.path("id").asText();
        try {
            assertEquals(Actor.BANK_X_USER.bankId, stored.path("bankId").asText());
            assertEquals("DRAFT", stored.path("status").asText());
            assertTrue(absent(stored.path("publishedAt")), stored.toString());
            assertRecent(stored.path("createdAt"));
            assertEquals(404, Api.get(Actor.BANK_Y_CLIENT, LOAN + "/products/" + id).status(), "not bank Y's");

            // and a replacement (PUT) keeps bank, status and id
            Map<String, Object> update = withForeignFields(AuthzFixture.productBody("mass assignment 2"));
            Api.Reply u = Api.call(Actor.BANK_X_CLIENT, "PUT", LOAN + "/products/" + id, update,
                    Map.of("If-Match", "\"" + stored.path("version").asLong() + "\""));
            assertTrue(u.ok() || u.status() == 400, "updated or refused: " + u.brief());
            JsonNode after = ok(Api.get(Actor.BANK_X_CLIENT, LOAN + "/products/" + id), "product");
            assertEquals(Actor.BANK_X_USER.bankId, after.path("bankId").asText());
            assertEquals("DRAFT", after.path("status").asText());
            assertEquals(stored.path("createdAt").asText(), after.path("createdAt").asText());
        } finally {
            Api.post(Actor.BANK_X_CLIENT, LOAN + "/products/" + id + "/withdraw", null);
        }
    }

    @Test
    void a_decision_moves_the_lead_only_as_its_action_says() {
        String need = AuthzFixture.need(Actor.ENT_A, f.entA);
        String application = AuthzFixture.apply(Actor.ENT_A, need, f.publishedX);
        AuthzFixture.awaitLead(application);
        Map<String, Object> body = withForeignFields(Map.of("action", "RECEIVE"));
        body.put("approvedAmount", 1);
        body.put("disbursedAmount", 1);
        body.put("dueAt", PAST);
        body.put("history", List.of());
        Api.Reply r = Api.post(Actor.BANK_X_USER, LOAN + "/leads/" + application + "/decisions", body);
        assertTrue(r.ok() || r.status() == 400, "decided or refused: " + r.brief());
        JsonNode lead = ok(Api.get(Actor.BANK_X_USER, LOAN + "/leads/" + application), "lead");
        assertEquals(r.ok() ? "RECEIVED" : "SUBMITTED", lead.path("status").asText());
        assertEquals(Actor.BANK_X_USER.bankId, lead.path("bankId").asText());
        assertEquals(application, lead.path("id").asText());
        assertTrue(absent(lead.path("approvedAmount")) && absent(lead.path("disbursedAmount")), lead.toString());
        assertNotEquals(PAST, lead.path("dueAt").asText());
    }

    @Test
    void a_new_training_offer_is_open_with_all_its_seats() {
        Map<String, Object> body = withForeignFields(Map.of("organiser", "authz test", "title", "mass assignment",
                "format", "ONLINE", "startsOn", java.time.LocalDate.now().plusDays(40).toString(),
                "endsOn", java.time.LocalDate.now().plusDays(41).toString(), "seats", 30,
                "rules", List.of(AuthzFixture.markerRule())));
        body.put("status", "CLOSED");
        body.put("seatsLeft", 0);
        JsonNode stored = storedOrRefused(Api.post(Actor.ADMIN, LOAN + "/training-offers", body), Actor.ADMIN,
                LOAN + "/training-offers/");
        if (stored != null) {
            String id = stored.path("id").asText();
            Api.post(Actor.ADMIN, LOAN + "/training-offers/" + id + "/close", null);
            assertEquals("OPEN", stored.path("status").asText());
            assertEquals(30, stored.path("seatsLeft").asInt());
            assertNotEquals(body.get("id"), id);
        }
    }

    @Test
    void a_new_policy_tool_gets_the_servers_id_and_version() {
        Map<String, Object> body = withForeignFields(Map.of("kind", "INTEREST_SUBSIDY",
                "name", "authz mass assignment " + UUID.randomUUID(), "subsidyRate", 0.5, "budget", 1000));
        body.put("active", false);
        JsonNode stored = storedOrRefused(Api.post(Actor.ADMIN, LOAN + "/policy-tools", body), Actor.ADMIN,
                LOAN + "/policy-tools/");
        if (stored != null) {
            assertNotEquals(body.get("id"), stored.path("id").asText());
            assertNotEquals(999, stored.path("version").asLong());
        }
    }

    @Test
    void an_id_of_another_enterprise_in_a_body_reaches_nothing() {
        Api.Reply apply = Api.post(Actor.ENT_A, ENTERPRISE + "/applications",
                Map.of("financingNeedId", f.needB, "productId", f.publishedY));
        assertEquals(404, apply.status(), "A applies with B's need: " + apply.brief());
        Map<String, Object> need = AuthzFixture.needBody();
        need.put("projectId", f.projectB);
        Api.Reply open = Api.post(Actor.ENT_A, enterprises("/financing-needs"), need);
        assertEquals(400, open.status(), "A's need naming B's project: " + open.brief());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * For a create: null when the request was refused (400, nothing stored — then the injected id does not exist),
     * else the stored object read back by its creator; an injected id must never be addressable.
     */
    private static JsonNode storedOrRefused(Api.Reply r, Actor creator, String itemUrl) {
        assertTrue(r.status() == 201 || r.status() == 200 || r.status() == 400, "created or refused: " + r.brief());
        if (r.status() == 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            return null;
        }
        String id = r.json().path("id").asText();
        return ok(Api.get(creator, itemUrl + id), "stored object");
    }

    private static List<JsonNode> activeConsents() {
        List<JsonNode> active = new java.util.ArrayList<>();
        ok(Api.get(Actor.ENT_A, enterprises("/consents?size=200")), "consents").path("items").forEach(c -> {
            if (c.path("active").asBoolean()) {
                active.add(c);
            }
        });
        return active;
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static void assertRecent(JsonNode time) {
        assertTrue(time.isTextual() && Instant.parse(time.asText()).isAfter(started), "set by the server now: " + time);
    }
}
