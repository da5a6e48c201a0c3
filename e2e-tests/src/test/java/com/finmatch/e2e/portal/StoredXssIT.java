package com.finmatch.e2e.portal;

import static com.finmatch.e2e.portal.PortalJourneyIT.PORTAL;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import com.finmatch.e2e.RealStack;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stored XSS through every text field an enterprise, a bank and an administrator enter, rendered on the pages that
 * show it, in real Chromium. Each field holds markup that would run script if the portal did not escape it
 * ({@code <img onerror>} and {@code <script>}, each setting {@code window.__xss}); the browser runs with the page's
 * CSP bypassed, so only the escaping stands between the markup and the script. On every page: no script ran, no
 * element came out of the data, and each field's text shows literally.
 */
@ExtendWith(RealStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssIT {

    private static final String ENTERPRISE = Stack.ENTERPRISE.url() + "/api/v1";
    private static final String LOAN = Stack.LOAN.url() + "/api/v1";
    private static final String ENT_USER = "ent34";
    private static final String BANK_USER = "bank1";
    private static final String ADMIN_USER = "admin1";

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
    private final List<String> problems = new ArrayList<>();
    private Browser browser;
    private JsonNode demo;

    /** Markup that runs script when rendered unescaped; {@code field} tells the fields apart on a page. */
    private String attack(String field) {
        return "<img src=x onerror=__xss=1>" + field + run + "<script>__xss=2</script>";
    }

    @BeforeAll
    void openTheBrowser() throws IOException {
        browser = new Browser();
        try (InputStream in = Stack.class.getResourceAsStream("/com/finmatch/devstack/demo-data.json")) {
            demo = Http.JSON.readTree(in);
        }
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowEveryStoredTextLiterallyAndRunNoScriptFromIt() throws Exception {
        String admin = Tokens.forUser(ADMIN_USER);
        String bank = Tokens.forUser(BANK_USER);
        String ent = Tokens.forUser(ENT_USER);

        // ---- an administrator's texts
        String bankId = "XSS" + run;
        created(Http.postJson(LOAN + "/banks", admin, object("bankId", bankId, "name", attack("bank"),
                "responseHours", 48)), "bank");
        ObjectNode tool = ((ObjectNode) demo.path("policyTools").get(0).deepCopy())
                .put("name", attack("tool")).put("description", attack("tooldesc"));
        String toolId = created(Http.postJson(LOAN + "/policy-tools", admin, tool), "policy tool").path("id").asText();
        ObjectNode offer = ((ObjectNode) demo.path("trainingOffers").get(0).deepCopy())
                .put("organiser", attack("organiser")).put("title", attack("title"))
                .put("description", attack("offerdesc"));
        offer.putArray("rules");
        created(Http.postJson(LOAN + "/training-offers", admin, offer), "training offer");
        created(Http.postJson(ENTERPRISE + "/reference/clusters", admin, object("code", "XSS_" + run,
                "nameZh", attack("clusterzh"), "nameEn", attack("clusteren"))), "cluster");
        String day = LocalDate.now().plusYears(1).withDayOfYear(200).toString();
        int put = put(LOAN + "/calendar/days/" + day, admin, null, object("kind", "HOLIDAY", "name", attack("holiday")));
        assertTrue(put == 200 || put == 201 || put == 204, "calendar day: " + put);

        // ---- a bank's texts: a product with its rules' messages and materials
        ObjectNode product = demo.path("products").get(0).deepCopy();
        product.remove(List.of("bank", "policyTools"));
        product.put("name", attack("product")).put("description", attack("productdesc"));
        product.putArray("policyToolIds").add(toolId);
        product.putArray("materialsRequired").add(attack("material"));
        ObjectNode rule = product.putArray("rules").addObject();
        rule.put("field", "employees").put("operator", "GE").put("value", 1).put("hard", false).put("weight", 10);
        rule.putObject("message").put("zh", attack("rulezh")).put("en", attack("ruleen"));
        String productId = created(Http.postJson(LOAN + "/products", bank, product), "product").path("id").asText();
        created(Http.postJson(LOAN + "/products/" + productId + "/publish", bank, "{}"), "publish");

        // ---- an enterprise's texts: its profile, a major project, then an application the bank answers with a note
        String enterpriseId = enterpriseWithAttackedProfile(ent);
        ObjectNode project = object("name", attack("project"), "description", attack("projectdesc"),
                "investmentAmount", 10000000, "financingGap", 2000000, "stage", "PLANNING");
        created(Http.postJson(ENTERPRISE + "/enterprises/" + enterpriseId + "/projects", ent, project), "project");
        ObjectNode need = demo.path("enterprises").get(0).path("financingNeeds").get(0).deepCopy();
        need.put("amount", 1000000).put("termMonths", 12).put("neededBy", LocalDate.now().plusMonths(3).toString());
        String needId = created(Http.postJson(ENTERPRISE + "/enterprises/" + enterpriseId + "/financing-needs", ent,
                need), "need").path("id").asText();
        ObjectNode apply = object("financingNeedId", needId, "productId", productId);
        apply.putObject("consent").put("expiresAt", Instant.now().plusSeconds(90L * 24 * 3600).toString())
                .putArray("categories").add("PROFILE");
        // enterprise-service learns of the product by its event: retry until it is known there
        String applicationId = eventually("the application", () -> {
            Http.Response r = Http.postJson(ENTERPRISE + "/applications", ent, apply);
            return r.status() == 201 ? r.json().path("id").asText() : null;
        });
        String leadId = eventually("the lead", () -> {
            for (JsonNode lead : Http.get(LOAN + "/leads?size=200", bank).json().path("items")) {
                if (applicationId.equals(lead.path("applicationId").asText())) {
                    return lead.path("id").asText();
                }
            }
            return null;
        });
        created(Http.postJson(LOAN + "/leads/" + leadId + "/decisions", bank,
                object("action", "RECEIVE", "note", attack("note"))), "decision");
        eventually("the bank's note in the application", () -> Http.get(ENTERPRISE + "/applications/" + applicationId,
                ent).body().contains("note" + run) ? "yes" : null);

        // ---- every page that shows them, as the user who sees it
        Page anyone = browser.newPage();
        check(anyone, "/products", "product", "bank");
        check(anyone, "/products/" + productId, "product", "productdesc", "rulezh");
        check(anyone, "/products/" + productId + "?lang=en", "product", "ruleen");
        check(anyone, "/?lang=zh", "product");

        Page adminPage = browser.newPage();
        PortalJourneyIT.login(adminPage, ADMIN_USER);
        check(adminPage, "/admin/banks", "bank");
        check(adminPage, "/admin/policy-tools", "tool", "tooldesc");
        check(adminPage, "/admin/training-offers", "organiser", "title");
        check(adminPage, "/admin/clusters", new String[0]);
        check(adminPage, "/admin/calendar?year=" + day.substring(0, 4), "holiday");
        check(adminPage, "/admin/projects", "project");
        check(adminPage, "/admin", new String[0]);
        check(adminPage, "/admin/scorecards", new String[0]);

        Page bankPage = browser.newPage();
        PortalJourneyIT.login(bankPage, BANK_USER);
        check(bankPage, "/bank/products", "product");
        check(bankPage, "/bank/products/" + productId + "/edit", "product", "productdesc", "rulezh");
        check(bankPage, "/bank/leads/" + leadId, "note", "entname");
        check(bankPage, "/bank", new String[0]);

        Page entPage = browser.newPage();
        PortalJourneyIT.login(entPage, ENT_USER);
        check(entPage, "/enterprise", "entname");
        check(entPage, "/enterprise/profile", "entname", "legalrep");
        check(entPage, "/enterprise/projects", "project", "projectdesc");
        check(entPage, "/enterprise/applications", "note");
        check(entPage, "/enterprise/needs/" + needId, new String[0]);
        check(entPage, "/enterprise/recommendations", new String[0]);
        check(entPage, "/enterprise/consents", new String[0]);

        assertTrue(problems.isEmpty(), "stored markup was not shown literally or ran:\n" + String.join("\n", problems));
    }

    /**
     * Opens {@code path} and records a problem when any script from the data ran, any element came from the data,
     * or one of {@code fields} is not shown literally (as text, or as the value of a form field).
     */
    private void check(Page page, String path, String... fields) {
        page.navigate(PORTAL + path);
        Object ran = page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)");
        if (ran != null) {
            problems.add(path + ": script from stored data ran (__xss=" + ran + ")");
        }
        Object elements = page.evaluate("() => document.querySelectorAll('[onerror], img[src=x]').length"
                + " + [...document.scripts].filter(s => s.text.includes('__xss')).length");
        if (((Number) elements).intValue() != 0) {
            problems.add(path + ": " + elements + " element(s) made from stored data");
        }
        String shown = (String) page.evaluate("() => document.body.innerText + '\\n'"
                + " + [...document.querySelectorAll('input, textarea')].map(e => e.value).join('\\n') + '\\n'"
                + " + [...document.querySelectorAll('option')].map(o => o.text).join('\\n')");
        for (String field : fields) {
            if (!shown.contains(attack(field))) {
                problems.add(path + ": the " + field + " text is not shown literally");
            }
        }
        Browser.screenshot(page, "xss" + path.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** ent34's enterprise (registered now, or from an earlier run) with attacks in its profile's text fields. */
    private String enterpriseWithAttackedProfile(String ent) throws Exception {
        ObjectNode body = demo.path("enterprises").get(0).deepCopy();
        body.remove(List.of("user", "financingNeeds", "consents"));
        body.put("name", attack("entname")).put("legalRepresentative", attack("legalrep"))
                .put("contactName", attack("contact"));
        Http.Response me = Http.get(ENTERPRISE + "/enterprises/me", ent);
        if (me.status() == 404) {
            body.put("uscc", PortalJourneyIT.uscc());
            return created(Http.postJson(ENTERPRISE + "/enterprises", ent, body), "enterprise").path("id").asText();
        }
        assertEquals(200, me.status(), me.brief());
        String id = me.json().path("id").asText();
        body.put("uscc", me.json().path("uscc").asText());
        int status = put(ENTERPRISE + "/enterprises/" + id, ent, me.header("ETag"), body);
        assertEquals(200, status, "profile update");
        return id;
    }

    private static JsonNode created(Http.Response r, String what) {
        assertTrue(r.ok(), what + ": " + r.brief());
        return r.json();
    }

    private static ObjectNode object(Object... pairs) {
        ObjectNode node = Http.JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], Http.JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    private static int put(String url, String token, String ifMatch, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until {@code value} gives non-null (events travel through Kafka), or fails after a while. */
    private static String eventually(String what, Supplier<String> value) {
        return await(what.toLowerCase(Locale.ROOT)).atMost(PortalJourneyIT.EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).until(value::get, Objects::nonNull);
    }
}
