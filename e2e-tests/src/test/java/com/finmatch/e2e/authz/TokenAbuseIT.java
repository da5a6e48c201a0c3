package com.finmatch.e2e.authz;

import static com.finmatch.e2e.authz.Api.ENTERPRISE;
import static com.finmatch.e2e.authz.Api.LOAN;
import static com.finmatch.e2e.authz.Api.MATCHING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import com.finmatch.e2e.RealStack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §4, token abuse against each service: no token, not a JWT, an expired token, a token for another audience,
 * a token of another realm (another issuer and key), {@code alg: none}, a tampered signature, a tampered payload —
 * each 401 problem+json on an endpoint that the same caller's genuine token opens — and a bank's client-credentials
 * token on another bank's objects (404). The expired and wrong-audience tokens come from the real Keycloak: two test
 * clients are added to the local realm through its admin API (created once, reused after).
 */
@ExtendWith({RealStack.class, AuthzFixture.Once.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenAbuseIT {
    private static final String ADMIN_API = Stack.KEYCLOAK_URL + "/admin/realms/" + Stack.REALM + "/clients";
    private static final String SHORT_LIVED = "authz-test-short-lived";
    private static final String OTHER_AUDIENCE = "authz-test-other-audience";
    /** One endpoint per service that an enterprise user's genuine token opens. */
    private static final Map<String, String> ENDPOINTS = Map.of(
            "enterprise-service", ENTERPRISE + "/enterprises/me",
            "loan-service", LOAN + "/calendar/days",
            "matching-service", MATCHING + "/recommendations/me");

    private static final String MASTER_TOKEN_URL = Stack.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token";

    @BeforeAll
    static void addTheTestClientsToTheRealm() {
        AuthzFixture.get(); // ent34's enterprise exists, so every endpoint answers its genuine token
        ensureClient(SHORT_LIVED, true);
        ensureClient(OTHER_AUDIENCE, false);
    }

    @Test
    void every_service_answers_401_problem_json_to_every_kind_of_bad_token() throws InterruptedException {
        String genuine = Actor.ENT_A.token();
        String expired = userToken(SHORT_LIVED);
        String otherAudience = userToken(OTHER_AUDIENCE);
        assertFalse(Tokens.claims(otherAudience).path("aud").toString().contains("finmatch-api"),
                "precondition: the other client's token is not for finmatch-api: " + Tokens.claims(otherAudience));
        long exp = Tokens.claims(expired).path("exp").asLong();
        // a deliberate wait, not a poll: until the short-lived token has expired
        Thread.sleep(Math.max(0, (exp - Instant.now().getEpochSecond() + 2) * 1000));

        Map<String, String> abuses = new LinkedHashMap<>();
        abuses.put("no token", null);
        abuses.put("not a JWT", "not-a-jwt");
        abuses.put("expired", expired);
        abuses.put("wrong audience", otherAudience);
        abuses.put("another realm's issuer", masterRealmToken()); // fresh: it lives 60 s
        abuses.put("alg: none", algNone(genuine));
        abuses.put("tampered signature", tamperedSignature(genuine));
        abuses.put("tampered payload (admin role added)", withAdminRole(genuine));

        List<String> wrong = new ArrayList<>();
        System.out.println("\nToken abuse (expected: 401 problem+json; the genuine token opens each endpoint):");
        System.out.println(String.format("| %-36s | %-18s | %-18s | %-18s |", "token", "enterprise-service",
                "loan-service", "matching-service"));
        List<String> services = List.of("enterprise-service", "loan-service", "matching-service");
        StringBuilder genuineRow = new StringBuilder(String.format("| %-36s |", "genuine (ent34)"));
        for (String service : services) {
            Api.Reply r = Api.call(genuine, "GET", ENDPOINTS.get(service), null, Map.of());
            genuineRow.append(String.format(" %-18s |", r.status()));
            assertTrue(r.ok(), service + " opens to the genuine token: " + r.brief());
        }
        System.out.println(genuineRow);
        abuses.forEach((kind, token) -> {
            StringBuilder row = new StringBuilder(String.format("| %-36s |", kind));
            for (String service : services) {
                Api.Reply r = Api.call(token, "GET", ENDPOINTS.get(service), null, Map.of());
                boolean right = r.status() == 401 && r.contentType() != null
                        && r.contentType().startsWith("application/problem+json");
                row.append(String.format(" %-18s |", r.status() + (right ? "" : "!")));
                if (!right) {
                    wrong.add(kind + " on " + service + ": " + r.brief() + " (" + r.contentType() + ")");
                }
            }
            System.out.println(row);
        });
        wrong.forEach(System.out::println);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void a_banks_client_credentials_token_reaches_no_object_of_another_bank() {
        AuthzFixture f = AuthzFixture.get();
        Actor bankX = Actor.BANK_X_CLIENT;
        assertEquals(404, Api.get(bankX, LOAN + "/leads/" + f.applicationB).status(), "bank Y's lead");
        assertEquals(404, Api.post(bankX, LOAN + "/leads/" + f.applicationB + "/decisions",
                Map.of("action", "RECEIVE")).status(), "a decision on bank Y's lead");
        assertEquals(404, Api.get(bankX, LOAN + "/products/" + f.draftY).status(), "bank Y's draft product");
        assertEquals(404, Api.get(bankX, ENTERPRISE + "/applications/" + f.applicationB).status(),
                "an application to bank Y's product");
        assertEquals(404, Api.get(bankX, ENTERPRISE + "/enterprises/" + f.entB).status(),
                "an enterprise that consented to no one of bank X");
    }

    // ------------------------------------------------------------------------------------------------ forged tokens

    /** The genuine claims under a header that says {@code alg: none}, without a signature. */
    static String algNone(String jwt) {
        String[] parts = jwt.split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /** The genuine token with its signature's bytes changed. */
    static String tamperedSignature(String jwt) {
        String[] parts = jwt.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The genuine token with {@code admin} added to its realm roles, under the original signature. */
    static String withAdminRole(String jwt) {
        String[] parts = jwt.split("\\.");
        ObjectNode claims = (ObjectNode) Tokens.claims(jwt);
        ((ArrayNode) claims.path("realm_access").path("roles")).add("admin");
        return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ Keycloak

    /** A public test client with direct access grants: tokens living 5 s, or tokens without the finmatch-api audience. */
    private static void ensureClient(String clientId, boolean shortLived) {
        String masterRealmToken = masterRealmToken();
        Http.Response found = Http.get(ADMIN_API + "?clientId=" + clientId, masterRealmToken);
        if (found.status() == 200 && found.json().size() > 0) {
            return;
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("standardFlowEnabled", false);
        if (shortLived) {
            client.put("attributes", Map.of("access.token.lifespan", "5"));
            client.put("protocolMappers", List.of(Map.of("name", "finmatch-api audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience",
                            "finmatch-api", "access.token.claim", "true", "id.token.claim", "false"))));
        }
        Http.Response created = Http.postJson(ADMIN_API, masterRealmToken, client);
        assertTrue(created.status() == 201 || created.status() == 409, "create client " + clientId + ": "
                + created.brief());
    }

    /** The master realm's administrator: a token of another realm (issuer and signing key) than finmatch. */
    private static String masterRealmToken() {
        return token(MASTER_TOKEN_URL, Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
    }

    private static String userToken(String clientId) {
        Actor user = Actor.ENT_A;
        return token(Tokens.TOKEN_URL, Map.of("grant_type", "password", "client_id", clientId,
                "username", user.login, "password", user.login + "-pass"));
    }

    private static String token(String url, Map<String, String> form) {
        Http.Response r = Http.postForm(url, form);
        JsonNode token = r.json().path("access_token");
        assertTrue(r.status() == 200 && token.isTextual(), "token from " + url + ": " + r.brief());
        return token.asText();
    }
}
