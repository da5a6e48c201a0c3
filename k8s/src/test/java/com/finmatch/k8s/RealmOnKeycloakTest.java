package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm k8s deploys, imported into a real Keycloak: the {@code spec.realm} of {@code infra/realm-import.yaml},
 * its placeholders given as the operator gives them (environment variables of the import, here random test secrets in
 * place of the {@code finmatch-oidc} Secret's keys), put in by {@code kc.sh import} of the local stack's Keycloak
 * distribution ({@link ImportedKeycloak}). The realm itself is imported unchanged; what a deployment's administrators
 * add afterwards — a bank user, a bank's API client (the local realm's {@code bank-zqrcb}, as README's "created per
 * bank by administrators") — is added through the admin API. Tokens are then got the ways the realm allows: the
 * portal's authorization-code flow with PKCE (the k8s realm has no password grant) and a bank client's client
 * credentials; each must carry {@code realm_access.roles}, the audience the services require and {@code bank_id}.
 */
class RealmOnKeycloakTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SERVICES = List.of("enterprise-service", "loan-service", "matching-service",
            "notification-service");
    private static final String PORTAL_CALLBACK = "https://finmatch.example/callback";

    private static JsonNode spec;
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static ImportedKeycloak keycloak;

    @BeforeAll
    static void importTheRealm() throws IOException, InterruptedException {
        spec = YAML.readTree(RealmImportTest.IMPORT.toFile()).path("spec");
        spec.path("placeholders").fieldNames().forEachRemaining(p -> SECRETS.put(p, randomSecret()));
        keycloak = ImportedKeycloak.start(spec.path("realm"), SECRETS);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void shouldKeepKeycloaksBuiltInClientScopes() throws Exception {
        Set<String> scopes = new HashSet<>();
        keycloak.adminGet("/client-scopes").forEach(s -> scopes.add(s.path("name").asText()));
        assertTrue(scopes.containsAll(Set.of("roles", "profile", "email", "web-origins", "basic")),
                "the imported realm lacks built-in client scopes; it has " + scopes);
    }

    @Test
    void shouldGiveABankUserSigningInThroughThePortalRolesTheServicesAudienceAndBankId() throws Exception {
        JsonNode token = signedInThroughThePortal("bank-officer", "bank", "bank_id", "TESTBANK");

        assertBankToken(token, "TESTBANK");
        assertEquals("bank-officer", token.path("preferred_username").asText(), token.toString());
    }

    @Test
    void shouldGiveADistrictUserSigningInThroughThePortalTheDistrictRoleAndItsDistrictCode() throws Exception {
        JsonNode token = signedInThroughThePortal("district-officer", "district", "district_code", "441202");

        assertTrue(values(token.path("realm_access").path("roles")).contains("district"), token.toString());
        assertEquals("441202", token.path("district_code").asText(), "district_code: " + token);
        assertTrue(token.path("bank_id").isMissingNode(), token.toString());
    }

    /**
     * The claims of the access token a new user of the imported realm gets by signing in through the portal's client:
     * the user holds the realm role {@code role} and the user-profile attribute {@code attribute} = {@code value}.
     */
    private static JsonNode signedInThroughThePortal(String username, String role, String attribute, String value)
            throws Exception {
        String password = randomSecret();
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@example.org").put("emailVerified", true)
                .put("firstName", "Test").put("lastName", "Officer");
        user.putObject("attributes").putArray(attribute).add(value);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        keycloak.admin("POST", "/users", user);
        String userId = keycloak.adminGet("/users?exact=true&username=" + username).path(0).path("id").asText();
        keycloak.admin("POST", "/users/" + userId + "/role-mappings/realm", realmRoles(role));
        return claims(signInThroughThePortal(username, password));
    }

    @Test
    void shouldGiveABankApiClientRolesTheServicesAudienceAndBankId() throws Exception {
        JsonNode local = JSON.readTree(RealmImportTest.LOCAL.toFile());
        ObjectNode bankClient = null;
        for (JsonNode c : local.path("clients")) {
            if ("bank-zqrcb".equals(c.path("clientId").asText())) {
                bankClient = c.deepCopy();
            }
        }
        String secret = randomSecret();
        bankClient.put("secret", secret);
        keycloak.admin("POST", "/clients", bankClient);
        String clientUuid = keycloak.adminGet("/clients?clientId=bank-zqrcb").path(0).path("id").asText();
        String accountId = keycloak.adminGet("/clients/" + clientUuid + "/service-account-user").path("id").asText();
        keycloak.admin("POST", "/users/" + accountId + "/role-mappings/realm", realmRoles("bank"));

        String accessToken = token(Map.of("grant_type", "client_credentials", "client_id", "bank-zqrcb",
                "client_secret", secret));

        assertBankToken(claims(accessToken), "ZQRCB");
        // the services' own client: its secret is the one the finmatch-oidc Secret gave the import
        HttpResponse<String> introspected = keycloak.postForm(keycloak.realmUrl() + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", "finmatch-api", "client_secret", secretOf("finmatch-api"), "token", accessToken));
        assertEquals(200, introspected.statusCode(), introspected.body());
        assertTrue(JSON.readTree(introspected.body()).path("active").asBoolean(), introspected.body());
    }

    // ------------------------------------------------------------------------------------------------- flows

    /**
     * The portal's flow: authorization code with PKCE S256 and {@code scope=openid profile}, its client secret; in a
     * new browser (no cookies), so that a test signing in after another is shown the login form.
     */
    private static String signInThroughThePortal(String username, String password) throws Exception {
        keycloak.http().cookieHandler().ifPresent(cookies -> ((java.net.CookieManager) cookies).getCookieStore().removeAll());
        String verifier = randomSecret() + randomSecret();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String scopes = "openid " + portalScopes();
        HttpResponse<String> login = keycloak.get(keycloak.realmUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=finmatch-web&redirect_uri=" + enc(PORTAL_CALLBACK) + "&scope=" + enc(scopes)
                + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256", null);
        assertEquals(200, login.statusCode(), "no login page: " + login.headers().firstValue("Location").orElse(login.body()));
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
        assertTrue(action.find(), "no login form in the page");

        HttpResponse<String> signedIn = keycloak.postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password, "credentialId", ""));
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertTrue(signedIn.statusCode() == 302 && location.startsWith(PORTAL_CALLBACK + "?"),
                "the sign-in did not return to the portal: " + signedIn.statusCode() + " " + location + " " + signedIn.body());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);

        return token(Map.of("grant_type", "authorization_code", "client_id", "finmatch-web",
                "client_secret", secretOf("finmatch-web"), "code", code.group(1), "redirect_uri", PORTAL_CALLBACK,
                "code_verifier", verifier));
    }

    private static String token(Map<String, String> form) throws Exception {
        HttpResponse<String> r = keycloak.postForm(keycloak.realmUrl() + "/protocol/openid-connect/token", form);
        assertEquals(200, r.statusCode(), form.get("grant_type") + ": " + r.body());
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    // ------------------------------------------------------------------------------------------------- checks

    private static void assertBankToken(JsonNode claims, String bankId) throws IOException {
        assertTrue(values(claims.path("realm_access").path("roles")).contains("bank"), "realm_access.roles: " + claims);
        assertTrue(values(claims.path("aud")).contains(serviceAudience()), "aud: " + claims);
        assertEquals(bankId, claims.path("bank_id").asText(), "bank_id: " + claims);
        assertEquals(keycloak.realmUrl(), claims.path("iss").asText());
    }

    /** The {@code quarkus.oidc.token.audience} the four services require: one value. */
    private static String serviceAudience() throws IOException {
        Set<String> audiences = new HashSet<>();
        for (String service : SERVICES) {
            audiences.add(property(service, "quarkus.oidc.token.audience"));
        }
        assertEquals(1, audiences.size(), "the services require different audiences: " + audiences);
        return audiences.iterator().next();
    }

    private static String portalScopes() throws IOException {
        return property("web-portal", "quarkus.oidc.authentication.scopes").replace(',', ' ');
    }

    private static String property(String module, String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Manifests.ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            p.load(in);
        }
        String value = p.getProperty(key);
        assertTrue(value != null && !value.isBlank(), module + " sets no " + key);
        return value;
    }

    private static String secretOf(String clientId) {
        for (JsonNode c : spec.path("realm").path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                String placeholder = c.path("secret").asText();
                return SECRETS.get(placeholder.substring(2, placeholder.length() - 1));
            }
        }
        throw new AssertionError(clientId + " is not in the realm import");
    }

    private static ArrayNode realmRoles(String... names) throws IOException, InterruptedException {
        ArrayNode roles = JSON.createArrayNode();
        for (String name : names) {
            roles.add(keycloak.adminGet("/roles/" + name));
        }
        return roles;
    }

    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "not a JWT: " + jwt);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static Set<String> values(JsonNode node) {
        Set<String> v = new HashSet<>();
        if (node.isArray()) {
            node.forEach(n -> v.add(n.asText()));
        } else if (node.isTextual()) {
            v.add(node.asText());
        }
        return v;
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
