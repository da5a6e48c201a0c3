package com.finmatch.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Access tokens from the local realm: password grant on {@code finmatch-cli}, client credentials for bank clients. */
public final class Tokens {
    public static final String REALM_URL = "http://127.0.0.1:" + Stack.KEYCLOAK_PORT + "/realms/" + Stack.REALM;
    public static final String TOKEN_URL = REALM_URL + "/protocol/openid-connect/token";
    public static final String CLI_CLIENT = "finmatch-cli";

    private Tokens() {
    }

    /** Password grant on the public client {@code finmatch-cli}; demo passwords are {@code <user>-pass}. */
    public static String forUser(String username) {
        return forUser(username, username + "-pass");
    }

    public static String forUser(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password), username);
    }

    /** Client credentials grant; demo bank clients' secrets are {@code <clientId>-secret}. */
    public static String forClient(String clientId) {
        return forClient(clientId, clientId + "-secret");
    }

    public static String forClient(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), clientId);
    }

    /** The decoded payload of a JWT (no signature check: for tests and tools only). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String token(Map<String, String> form, String who) {
        Http.Response r = Http.postForm(TOKEN_URL, form);
        JsonNode token = r.json().path("access_token");
        if (r.status() != 200 || !token.isTextual()) {
            throw new IllegalStateException("no token for " + who + " from " + TOKEN_URL + ": " + r.brief());
        }
        return token.asText();
    }
}
