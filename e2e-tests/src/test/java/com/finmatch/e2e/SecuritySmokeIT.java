package com.finmatch.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke test of the real stack: tokens from the real Keycloak, and 401 / 403 / 200 on one endpoint per
 * application, exactly as CONTRACT.md says (no token → 401, wrong role → 403, right role → 200).
 */
@ExtendWith(RealStack.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecuritySmokeIT {
    private static final String ENTERPRISES = Stack.ENTERPRISE.url() + "/api/v1/enterprises";
    private static final String LEADS = Stack.LOAN.url() + "/api/v1/leads";
    private static final String STATS = Stack.MATCHING.url() + "/api/v1/stats/summary";

    private static String ent1;
    private static String bank1;
    private static String admin1;
    private static String bankClient;

    @BeforeAll
    static void getTokensFromTheRealKeycloak() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        ent1 = Tokens.forUser("ent1");
        bank1 = Tokens.forUser("bank1");
        admin1 = Tokens.forUser("admin1");
        bankClient = Tokens.forClient("bank-zqrcb");
    }

    /** Fails with what the stack knows (missing jar, port taken, not ready) when an application is not up. */
    private static void assertRunning(Stack.App app) {
        if (!Stack.appReady(app)) {
            fail(app.module() + " is not running on " + app.url() + ": " + RealStack.stack().problems().stream()
                    .filter(p -> p.contains(app.module())).findFirst().orElse("see .finmatch/logs/" + app.module() + ".log"));
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    // ------------------------------------------------------------------------------------------------ tokens

    @Test
    void shouldIssueTokensWithRealmRolesAndTheApiAudience() {
        assertRoleAndAudience(ent1, "enterprise", "ent1");
        assertRoleAndAudience(bank1, "bank", "bank1");
        assertRoleAndAudience(admin1, "admin", "admin1");
        assertRoleAndAudience(bankClient, "bank", "service-account-bank-zqrcb");
    }

    @Test
    void shouldPutTheBankIdIntoBankUserAndBankClientTokens() {
        assertEquals("ZQRCB", Tokens.claims(bank1).path("bank_id").asText(), "bank1 works for ZQRCB");
        assertEquals("ZQRCB", Tokens.claims(bankClient).path("bank_id").asText(), "bank-zqrcb is ZQRCB's API client");
        assertEquals("CCBZQ", Tokens.claims(Tokens.forUser("bank3")).path("bank_id").asText());
        assertTrue(Tokens.claims(ent1).path("bank_id").isMissingNode(), "an enterprise user has no bank_id");
    }

    private static void assertRoleAndAudience(String token, String role, String username) {
        JsonNode claims = Tokens.claims(token);
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        assertTrue(roles.contains(role), username + " has realm role " + role + ": " + roles);
        JsonNode aud = claims.path("aud");
        assertTrue(aud.isArray() ? aud.toString().contains("\"finmatch-api\"") : "finmatch-api".equals(aud.asText()),
                "aud contains finmatch-api: " + aud);
        assertEquals(username, claims.path("preferred_username").asText());
    }

    // ------------------------------------------------------------------------------------------------ enterprise-service

    @Test
    void shouldRejectEnterpriseSearchWithoutToken() {
        assertRunning(Stack.ENTERPRISE);
        given().get(ENTERPRISES).then().statusCode(401);
    }

    @Test
    void shouldRejectEnterpriseSearchWithForgedToken() {
        assertRunning(Stack.ENTERPRISE);
        as(ent1.substring(0, ent1.lastIndexOf('.') + 1) + "forged-signature").get(ENTERPRISES).then().statusCode(401);
    }

    @Test
    void shouldForbidEnterpriseSearchToAnEnterpriseUser() {
        assertRunning(Stack.ENTERPRISE);
        as(ent1).get(ENTERPRISES).then().statusCode(403);
    }

    @Test
    void shouldLetAnAdministratorSearchEnterprises() {
        assertRunning(Stack.ENTERPRISE);
        as(admin1).get(ENTERPRISES).then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------ loan-service

    @Test
    void shouldRejectLeadsWithoutToken() {
        assertRunning(Stack.LOAN);
        given().get(LEADS).then().statusCode(401);
    }

    @Test
    void shouldForbidLeadsToAnEnterpriseUser() {
        assertRunning(Stack.LOAN);
        as(ent1).get(LEADS).then().statusCode(403);
    }

    @Test
    void shouldGiveLeadsToABankUser() {
        assertRunning(Stack.LOAN);
        as(bank1).get(LEADS).then().statusCode(200);
    }

    @Test
    void shouldGiveLeadsToABankApiClient() {
        assertRunning(Stack.LOAN);
        as(bankClient).get(LEADS).then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------ matching-service

    @Test
    void shouldRejectStatsWithoutToken() {
        assertRunning(Stack.MATCHING);
        given().get(STATS).then().statusCode(401);
    }

    @Test
    void shouldForbidStatsToABank() {
        assertRunning(Stack.MATCHING);
        as(bank1).get(STATS).then().statusCode(403);
        as(bankClient).get(STATS).then().statusCode(403);
    }

    @Test
    void shouldGiveStatsToAnAdministrator() {
        assertRunning(Stack.MATCHING);
        as(admin1).get(STATS).then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------ web-portal

    @Test
    void shouldServeThePortalHomePage() {
        assertRunning(Stack.WEB_PORTAL);
        given().get(Stack.WEB_PORTAL.url() + "/").then().statusCode(200);
    }
}
