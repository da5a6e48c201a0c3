package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.DeadLetterClients;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's browser-facing defences: security headers on every response, the CSRF token on every form and the
 * refusal of a post without it or with a wrong one, cookie flags (Secure when served over https behind the
 * ingress, HttpOnly, SameSite) and the body-size cap.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PortalSecurityTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @InjectMock
    @RestClient
    ProductResourceApi catalog;

    @InjectMock
    @RestClient
    BankResourceApi banks;

    @InjectMock
    DeadLetterClients deadLetters;

    @BeforeEach
    void stubs() {
        when(catalog.searchProducts(any(), any(), any(), any(), anyInt(), anyInt(), any(), any(), any()))
                .thenReturn(TestJson.as(PageResponseProductView.class, Map.of("items", List.of(), "page", 0, "size", 12,
                        "total", 0)));
        when(deadLetters.list(any())).thenReturn(List.of());
        when(deadLetters.list("matching")).thenReturn(List.of(TestJson.as(com.finmatch.portal.client.enterprise.model.DeadLetter.class, TestJson.obj("id", "product.events.dlq:0:1",
                "topic", "product.events")))); // so that the page has its forms
    }

    // ------------------------------------------------------------------------------------------------- headers

    @Test
    void shouldSendTheSecurityHeadersOnEveryResponse() {
        List<Response> responses = List.of(
                given().redirects().follow(false).get("/"),
                given().redirects().follow(false).get("/products"),
                given().redirects().follow(false).get("/static/app.css"),
                given().redirects().follow(false).get("/no-such-page"),
                given().redirects().follow(false).get("/products/not-a-uuid"),
                given().redirects().follow(false).get("/enterprise"), // to Keycloak
                given().redirects().follow(false).contentType(FORM).formParam("x", "y").post("/admin/dead-letters/matching/redrive-all"));
        for (Response r : responses) {
            r.then()
                    .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                            containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
                            containsString("object-src 'none'"), containsString("base-uri 'self'"),
                            not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin")
                    .header("X-Frame-Options", "DENY");
        }
    }

    // ---------------------------------------------------------------------------------------------------- CSRF

    @Test
    void shouldPutTheCsrfTokenIntoEveryFormThatPosts() throws IOException {
        Pattern form = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        List<String> missing = new ArrayList<>();
        int posting = 0;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = form.matcher(Files.readString(t));
                while (m.find()) {
                    String open = m.group().substring(0, m.group().indexOf('>') + 1).toLowerCase();
                    if (open.contains("method=\"post\"")) {
                        posting++;
                        if (!m.group(1).contains("{#csrf")) {
                            missing.add(t + ": " + open);
                        }
                    }
                }
            }
        }
        assertTrue(posting >= 20, "found only " + posting + " posting forms: is the pattern still right?");
        assertTrue(missing.isEmpty(), "forms without the CSRF token: " + missing);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldRefuseAFormPostWithoutOrWithAWrongCsrfToken() {
        String[] mine = EnterprisePagesTest.csrf("/admin/dead-letters");
        String[] another = EnterprisePagesTest.csrf("/admin/dead-letters");
        String action = "/admin/dead-letters/matching/redrive-all";

        given().redirects().follow(false).contentType(FORM).formParam("x", "y").post(action)
                .then().statusCode(400); // no cookie, no field
        given().redirects().follow(false).cookie("csrf-token", mine[0]).contentType(FORM).post(action)
                .then().statusCode(400); // the cookie alone
        given().redirects().follow(false).cookie("csrf-token", mine[0]).contentType(FORM)
                .formParam("csrf-token", "forged" + mine[1]).post(action)
                .then().statusCode(400); // a made-up token
        given().redirects().follow(false).cookie("csrf-token", mine[0]).contentType(FORM)
                .formParam("csrf-token", another[1]).post(action)
                .then().statusCode(400); // another browser's token
        given().redirects().follow(false).contentType(FORM).formParam("csrf-token", mine[1]).post(action)
                .then().statusCode(400); // the field without the cookie
        verify(deadLetters, never()).redriveAll(any());

        given().redirects().follow(false).cookie("csrf-token", mine[0]).contentType(FORM)
                .formParam("csrf-token", mine[1]).post(action)
                .then().statusCode(303);
        verify(deadLetters, times(1)).redriveAll("matching");
    }

    // ------------------------------------------------------------------------------------------------- cookies

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldMarkTheCsrfCookieSecureOverHttpsAndAlwaysHttpOnlyAndStrict() {
        assertCookie(cookie(given().header("X-Forwarded-Proto", "https").get("/admin/dead-letters"), "csrf-token"),
                "csrf-token", true, "Strict");
        assertCookie(cookie(given().get("/admin/dead-letters"), "csrf-token"), "csrf-token", false, "Strict");
    }

    @Test
    void shouldMarkTheLanguageCookieSecureOverHttps() {
        assertCookie(cookie(given().header("X-Forwarded-Proto", "https").get("/?lang=en"), "lang"), "lang", true, "Lax");
        assertCookie(cookie(given().get("/?lang=en"), "lang"), "lang", false, "Lax");
    }

    private static String cookie(Response r, String name) {
        r.then().statusCode(200);
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().getValues("Set-Cookie")));
    }

    @Test
    void shouldMarkTheLoginStateCookieSecureOverHttps() {
        List<String> cookies = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .get("/enterprise").then().statusCode(302).extract().headers().getValues("Set-Cookie");
        String state = cookies.stream().filter(c -> c.startsWith("q_auth")).findFirst()
                .orElseThrow(() -> new AssertionError("no q_auth cookie in " + cookies));
        assertCookie(state, "q_auth", true, "Lax");
    }

    private static void assertCookie(String setCookie, String name, boolean secure, String sameSite) {
        assertTrue(setCookie != null && setCookie.startsWith(name), "expected cookie " + name + ", got " + setCookie);
        List<String> attributes = Stream.of(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase()).toList();
        assertTrue(attributes.contains("httponly"), setCookie + " is not HttpOnly");
        assertTrue(attributes.contains("samesite=" + sameSite.toLowerCase()), setCookie + " is not SameSite=" + sameSite);
        assertTrue(secure == attributes.contains("secure"), setCookie + (secure ? " is not" : " is") + " Secure");
    }

    // ---------------------------------------------------------------------------------------------- body size

    @Test
    void shouldRefuseABodyAbove256KiBWith413OnAPublicPage() {
        given().redirects().follow(false).contentType(FORM).body("x=" + "y".repeat(300 * 1024)).post("/")
                .then().statusCode(413);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldRefuseAFormBodyAbove256KiBWith413() {
        String[] token = EnterprisePagesTest.csrf("/admin/dead-letters");
        given().redirects().follow(false).cookie("csrf-token", token[0]).contentType(FORM)
                .formParam("csrf-token", token[1]).formParam("x", "y".repeat(300 * 1024))
                .post("/admin/dead-letters/matching/redrive-all")
                .then().statusCode(413);
        verify(deadLetters, never()).redriveAll(any());
    }
}
