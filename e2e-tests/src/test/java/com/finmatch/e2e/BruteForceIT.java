package com.finmatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak's brute-force detection on the real realm: a run of wrong passwords locks the user for a while, so that
 * even the right password is refused until the lock ends (or an administrator lifts it, as this test does to leave
 * the stack as it found it).
 */
@ExtendWith(RealStack.class)
class BruteForceIT {

    private static final String USER = "ent29";
    private static final int WRONG_PASSWORDS = 6; // the realm's failureFactor is 5

    @Test
    void shouldLockAUserTemporarilyAfterAFewWrongPasswords() throws Exception {
        assertEquals(200, passwordGrant(USER + "-pass").status(), "the demo user logs in before the attack");
        String admin = masterAdminToken();
        String userId = userId(admin);
        try {
            for (int i = 0; i < WRONG_PASSWORDS; i++) {
                assertNotEquals(200, passwordGrant("wrong-" + i).status(), "wrong password " + (i + 1));
            }
            Http.Response locked = passwordGrant(USER + "-pass");
            assertNotEquals(200, locked.status(), "the right password still works after " + WRONG_PASSWORDS
                    + " wrong ones: brute-force detection is off (" + locked.brief() + ")");

            JsonNode status = Http.get(attackDetection(userId), admin).json();
            assertTrue(status.path("disabled").asBoolean(), "Keycloak reports the user not locked: " + status);
            assertTrue(status.path("numFailures").asInt() >= 1, "no failures counted: " + status);
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(attackDetection(userId)))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        assertEquals(200, passwordGrant(USER + "-pass").status(), "lifted by the administrator, the lock is gone");
    }

    private static Http.Response passwordGrant(String password) {
        return Http.postForm(Tokens.TOKEN_URL, Map.of("grant_type", "password", "client_id", Tokens.CLI_CLIENT,
                "username", USER, "password", password));
    }

    private static String masterAdminToken() {
        Http.Response r = Http.postForm(Stack.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertEquals(200, r.status(), "Keycloak's administrator: " + r.brief());
        return r.json().path("access_token").asText();
    }

    private static String userId(String admin) {
        Http.Response r = Http.get(Stack.KEYCLOAK_URL + "/admin/realms/" + Stack.REALM + "/users?exact=true&username="
                + URLEncoder.encode(USER, StandardCharsets.UTF_8), admin);
        assertEquals(200, r.status(), r.brief());
        return r.json().path(0).path("id").asText();
    }

    private static String attackDetection(String userId) {
        return Stack.KEYCLOAK_URL + "/admin/realms/" + Stack.REALM + "/attack-detection/brute-force/users/" + userId;
    }
}
