package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OWASP API1 (BOLA): every endpoint that takes an id, called by the owner (enterprise A), another enterprise (B), a
 * bank with live consent, a bank without consent, a bank whose consent expired, and an administrator. A caller
 * without the role gets 403; a caller with the role who may not see the object gets 404, as if it did not exist.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class AuthorizationMatrixTest {

    enum Caller { OWNER_A, ENTERPRISE_B, BANK_WITH_CONSENT, BANK_WITHOUT_CONSENT, BANK_EXPIRED_CONSENT, ADMIN }

    /** The objects of enterprise A, and tokens for everyone, created once through the API. */
    static final class World {
        final String ownerA = newSubject("owner-a");
        final String ownerB = newSubject("owner-b");
        final String consentedBank = "MX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        final String enterpriseA;
        final String needA;
        final String productOfConsentedBank;
        final String applicationA;
        final String projectA;
        final String consentA;

        World() {
            enterpriseA = Fixtures.registerEnterprise(ownerA);
            Fixtures.registerEnterprise(ownerB);
            needA = Fixtures.openNeed(ownerA, enterpriseA);
            consentA = Fixtures.grantConsent(ownerA, enterpriseA, consentedBank, "PROFILE");
            Fixtures.expireConsent(Fixtures.grantConsent(ownerA, enterpriseA, "MZEXPIRED", "PROFILE", "FINANCIALS"));
            projectA = as(Tokens.enterprise(ownerA)).body(Map.of("name", "项目", "investmentAmount", 1000000,
                    "financingGap", 500000, "stage", "PLANNING")).post("/api/v1/enterprises/" + enterpriseA
                    + "/projects").then().statusCode(201).extract().path("id");
            productOfConsentedBank = Fixtures.publishProduct(consentedBank);
            applicationA = Fixtures.submitApplication(ownerA, needA, productOfConsentedBank);
        }

        String token(Caller caller) {
            return switch (caller) {
                case OWNER_A -> Tokens.enterprise(ownerA);
                case ENTERPRISE_B -> Tokens.enterprise(ownerB);
                case BANK_WITH_CONSENT -> Tokens.bank("banker-x", consentedBank);
                case BANK_WITHOUT_CONSENT -> Tokens.bank("banker-y", "MYNOCONSENT");
                case BANK_EXPIRED_CONSENT -> Tokens.bank("banker-z", "MZEXPIRED");
                case ADMIN -> Tokens.admin("admin-1");
            };
        }

        String base() {
            return "/api/v1/enterprises/" + enterpriseA;
        }

        String freshNeed() {
            return Fixtures.openNeed(ownerA, enterpriseA);
        }
    }

    private static World world;

    static synchronized World world() {
        if (world == null) {
            world = new World();
        }
        return world;
    }

    enum Endpoint {
        GET_PROFILE("GET /enterprises/{id}", (w, t) -> as(t).get(w.base()),
                200, 404, 200, 404, 404, 200),
        UPDATE_PROFILE("PUT /enterprises/{id}", (w, t) -> {
            Response current = as(Tokens.enterprise(w.ownerA)).get(w.base());
            Map<String, Object> body = current.as(Map.class);
            body.put("employees", ((Integer) body.get("employees")) + 1);
            Response r = as(t).header("If-Match", current.header("ETag")).body(body).put(w.base());
            if (r.statusCode() >= 400) {
                assertEquals(current.header("ETag"), as(Tokens.enterprise(w.ownerA)).get(w.base()).header("ETag"),
                        "a refused update changed the profile");
            }
            return r;
        }, 200, 404, 403, 403, 403, 403),
        LIST_NEEDS("GET /enterprises/{id}/financing-needs", (w, t) -> as(t).get(w.base() + "/financing-needs"),
                200, 404, 403, 403, 403, 200),
        GET_NEED("GET /enterprises/{id}/financing-needs/{needId}",
                (w, t) -> as(t).get(w.base() + "/financing-needs/" + w.needA),
                200, 404, 403, 403, 403, 200),
        OPEN_NEED("POST /enterprises/{id}/financing-needs",
                (w, t) -> as(t).body(Fixtures.needBody()).post(w.base() + "/financing-needs"),
                201, 404, 403, 403, 403, 403),
        WITHDRAW_NEED("POST /enterprises/{id}/financing-needs/{needId}/withdraw", (w, t) -> {
            String need = w.freshNeed();
            Response r = as(t).post(w.base() + "/financing-needs/" + need + "/withdraw");
            if (r.statusCode() >= 400) {
                assertEquals("OPEN", as(Tokens.enterprise(w.ownerA)).get(w.base() + "/financing-needs/" + need)
                        .path("status"), "a refused withdrawal withdrew the need");
            }
            return r;
        }, 200, 404, 403, 403, 403, 403),
        LIST_CONSENTS("GET /enterprises/{id}/consents", (w, t) -> as(t).get(w.base() + "/consents"),
                200, 404, 403, 403, 403, 200),
        GET_CONSENT("GET /enterprises/{id}/consents/{consentId}",
                (w, t) -> as(t).get(w.base() + "/consents/" + w.consentA),
                200, 404, 403, 403, 403, 200),
        GRANT_CONSENT("POST /enterprises/{id}/consents", (w, t) -> as(t)
                .body(Map.of("bankId", "MOTHER", "categories", List.of("PROFILE"),
                        "expiresAt", java.time.Instant.now().plusSeconds(86400).toString()))
                .post(w.base() + "/consents"),
                201, 404, 403, 403, 403, 403),
        REVOKE_CONSENT("DELETE /enterprises/{id}/consents/{consentId}", (w, t) -> {
            String consent = Fixtures.grantConsent(w.ownerA, w.enterpriseA, "MOTHER", "PROFILE");
            Response r = as(t).delete(w.base() + "/consents/" + consent);
            if (r.statusCode() >= 400) {
                List<Boolean> active = as(Tokens.enterprise(w.ownerA)).get(w.base() + "/consents?size=200")
                        .path("items.findAll { it.id == '" + consent + "' }.active");
                assertEquals(List.of(true), active, "a refused revocation revoked the consent");
            }
            return r;
        }, 204, 404, 403, 403, 403, 403),
        ACCESS_LOG("GET /enterprises/{id}/access-log", (w, t) -> as(t).get(w.base() + "/access-log"),
                200, 404, 403, 403, 403, 200),
        LIST_PROJECTS("GET /enterprises/{id}/projects", (w, t) -> as(t).get(w.base() + "/projects"),
                200, 404, 403, 403, 403, 200),
        GET_PROJECT("GET /enterprises/{id}/projects/{projectId}",
                (w, t) -> as(t).get(w.base() + "/projects/" + w.projectA),
                200, 404, 403, 403, 403, 200),
        REGISTER_PROJECT("POST /enterprises/{id}/projects", (w, t) -> as(t)
                .body(Map.of("name", "新项目", "investmentAmount", 2000000, "financingGap", 1000000,
                        "stage", "PREPARATION"))
                .post(w.base() + "/projects"),
                201, 404, 403, 403, 403, 403),
        GET_APPLICATION("GET /applications/{id}", (w, t) -> as(t).get("/api/v1/applications/" + w.applicationA),
                200, 404, 200, 404, 404, 200),
        WITHDRAW_APPLICATION("POST /applications/{id}/withdraw", (w, t) -> {
            String application = Fixtures.submitApplication(w.ownerA, w.freshNeed(), w.productOfConsentedBank);
            Response r = as(t).post("/api/v1/applications/" + application + "/withdraw");
            if (r.statusCode() >= 400) {
                assertEquals("SUBMITTED", as(Tokens.enterprise(w.ownerA)).get("/api/v1/applications/"
                        + application).path("status"), "a refused withdrawal withdrew the application");
            }
            return r;
        }, 200, 404, 403, 403, 403, 403),
        SUBMIT_APPLICATION("POST /applications {financingNeedId}", (w, t) -> as(t)
                .body(Map.of("financingNeedId", w.freshNeed(), "productId", w.productOfConsentedBank))
                .post("/api/v1/applications"),
                201, 404, 403, 403, 403, 403);

        final String label;
        final BiFunction<World, String, Response> call;
        final int[] expected;

        Endpoint(String label, BiFunction<World, String, Response> call, int... expected) {
            this.label = label;
            this.call = call;
            this.expected = expected;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(endpoint, caller, endpoint.expected[caller.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void shouldAnswerEachCallerOfEachObjectAsTheMatrixSays(Endpoint endpoint, Caller caller, int expected) {
        World w = world();
        Response response = endpoint.call.apply(w, w.token(caller));
        assertEquals(expected, response.statusCode(), endpoint + " as " + caller + ": " + response.asString());
        if (expected >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
        }
    }

    @Test
    void shouldAnswerSomeoneElsesObjectExactlyLikeAMissingOne() {
        World w = world();
        String intruder = w.token(Caller.ENTERPRISE_B);
        Response foreign = as(intruder).get(w.base());
        Response missing = as(intruder).get("/api/v1/enterprises/" + UUID.randomUUID());
        assertEquals(404, foreign.statusCode());
        assertEquals(missing.statusCode(), foreign.statusCode());
        assertEquals(missing.asString(), foreign.asString());

        Response foreignApplication = as(intruder).get("/api/v1/applications/" + w.applicationA);
        Response missingApplication = as(intruder).get("/api/v1/applications/" + UUID.randomUUID());
        assertEquals(missingApplication.asString(), foreignApplication.asString());
    }

    @Test
    void shouldRejectCallsWithoutATokenWith401() {
        World w = world();
        io.restassured.RestAssured.given().get(w.base()).then().statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/v1/applications/" + w.applicationA).then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(Tokens.forOtherAudience(w.ownerA)).get(w.base()).then()
                .statusCode(401);
    }
}
