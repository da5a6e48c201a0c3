package com.finmatch.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enterprise users made for the load through Keycloak's admin API (realm role {@code enterprise}, password
 * {@code <user>-pass}), and their access tokens, fetched again before they expire (the realm's live 15 minutes).
 */
final class LoadUsers {
    private static final String ADMIN_API = Stack.KEYCLOAK_URL + "/admin/realms/" + Stack.REALM;
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

    private record Cached(String token, long fetchedAt) {
    }

    private final String prefix;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private volatile Cached admin;

    LoadUsers(String prefix) {
        this.prefix = prefix;
    }

    String name(int i) {
        return prefix + i;
    }

    /** Creates user {@code i} with the realm role {@code enterprise}. */
    void create(int i, JsonNode enterpriseRole) throws Exception {
        String user = name(i);
        Map<String, Object> body = Map.of("username", user, "enabled", true, "emailVerified", true,
                "email", user + "@faults.example", "firstName", "Load", "lastName", "User " + i,
                "credentials", List.of(Map.of("type", "password", "value", user + "-pass", "temporary", false)));
        Http.Response created = Http.postJson(ADMIN_API + "/users", adminToken(), body);
        assertEquals(201, created.status(), "Keycloak user " + user + ": " + created.brief());
        String location = created.header("Location");
        HttpResponse<String> mapped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(List.of(enterpriseRole))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(mapped.statusCode() / 100 == 2, "role of " + user + ": " + mapped.statusCode() + " " + mapped.body());
    }

    JsonNode enterpriseRole() {
        Http.Response r = Http.get(ADMIN_API + "/roles/enterprise", adminToken());
        assertEquals(200, r.status(), r.brief());
        return r.json();
    }

    /** A valid access token of user {@code i} (password grant), fetched again after ten minutes. */
    String token(int i) {
        String user = name(i);
        Cached c = tokens.get(user);
        if (c == null || System.nanoTime() - c.fetchedAt() > TOKEN_REUSE.toNanos()) {
            c = new Cached(Tokens.forUser(user), System.nanoTime());
            tokens.put(user, c);
        }
        return c.token();
    }

    /** The master realm's administrator (its tokens live a minute: fetched again after 30 s). */
    private String adminToken() {
        Cached c = admin;
        if (c == null || System.nanoTime() - c.fetchedAt() > Duration.ofSeconds(30).toNanos()) {
            Http.Response r = Http.postForm(Stack.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            assertEquals(200, r.status(), "Keycloak's administrator: " + r.brief());
            c = new Cached(r.json().path("access_token").asText(), System.nanoTime());
            admin = c;
        }
        return c.token();
    }
}
