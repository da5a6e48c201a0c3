package com.finmatch.e2e.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import com.finmatch.e2e.RealStack;
import com.microsoft.playwright.Page;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10 §2 in real Chromium: every edit form of the portal, opened on a resource whose every field was set through
 * the API and saved without a change, leaves the stored resource exactly as it was (every field but its version and
 * update time). Also: the administrator's policy-tool form creates a risk pool (the kind's own fields) and lists it
 * under its kind.
 */
@ExtendWith(RealStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditFormsRoundTripIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = PortalJourneyIT.PORTAL;
    private static final String LOAN = Stack.LOAN.url() + "/api/v1";
    private static final String ENTERPRISE = Stack.ENTERPRISE.url() + "/api/v1";
    /** What a save changes by design: the version (ETag) and the time of the change. */
    private static final Set<String> CHANGED_BY_A_SAVE = Set.of("version", "updatedAt");

    private Browser browser;

    @BeforeAll
    void openTheBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ products

    @Test
    void shouldKeepEveryFieldOfAFullyPopulatedProductWhenItsEditFormIsSavedUnchanged() throws Exception {
        String bank = Tokens.forUser("bank1");
        String admin = Tokens.forUser("admin1");
        List<String> tools = new ArrayList<>();
        JSON.readTree(given().auth().oauth2(admin).get(LOAN + "/policy-tools?size=2").then().statusCode(200)
                .extract().asString()).path("items").forEach(t -> tools.add(t.path("id").asText()));
        assertTrue(!tools.isEmpty(), "the demo data has policy tools");
        ObjectNode product = (ObjectNode) JSON.readTree("""
                {"name": "往返测试贷 %d", "type": "TECH_LOAN", "description": "每个字段都有值",
                 "minAmount": 200000.5, "maxAmount": 8000000, "minTermMonths": 6, "maxTermMonths": 48,
                 "minAnnualRate": 3.15, "maxAnnualRate": 4.2, "lprSpreadBps": -35,
                 "guaranteeTypes": ["CREDIT", "IP_PLEDGE"],
                 "rules": [
                   {"field": "districtCode", "operator": "IN", "value": ["441202", "441203"], "hard": true, "weight": 0,
                    "message": {"zh": "注册地在端州或鼎湖", "en": "Registered in Duanzhou or Dinghu"}},
                   {"field": "yearsInBusiness", "operator": "GE", "value": 2, "hard": true, "weight": 0,
                    "message": {"zh": "成立满2年", "en": "In business for 2 years"}},
                   {"field": "revenueGrowth", "operator": "GE", "value": 10, "hard": false, "weight": 20,
                    "message": {"zh": "营收增长10%%以上", "en": "Revenue growth of 10 %% or more"}},
                   {"field": "tags", "operator": "CONTAINS", "value": "HIGH_TECH", "hard": false, "weight": 30,
                    "message": {"zh": "高新技术企业优先", "en": "High-tech enterprises preferred"}}],
                 "materialsRequired": ["营业执照", "近两年财务报表"],
                 "validFrom": "2026-01-01", "validTo": "2028-06-30"}
                """.formatted(ThreadLocalRandom.current().nextInt(100_000, 999_999)));
        product.putArray("policyToolIds").add(tools.get(0));
        Response created = given().auth().oauth2(bank).contentType("application/json").body(product.toString())
                .post(LOAN + "/products");
        assertEquals(201, created.statusCode(), created.asString());
        String id = JSON.readTree(created.asString()).path("id").asText();
        JsonNode before = JSON.readTree(given().auth().oauth2(bank).get(LOAN + "/products/" + id).asString());
        for (String field : List.of("lprSpreadBps", "policyToolIds", "materialsRequired", "description", "validTo")) {
            assertTrue(!before.path(field).isNull() && !before.path(field).isMissingNode(), field + " is set");
        }

        Page page = browser.newPage();
        PortalJourneyIT.login(page, "bank1");
        saveUnchanged(page, "/bank/products/" + id + "/edit", ".*/bank/products\\?done=product_saved", "51-product-edit");
        JsonNode after = JSON.readTree(given().auth().oauth2(bank).get(LOAN + "/products/" + id).asString());
        assertUnchanged("product " + id, before, after);

        // a product as the demo data seeded it (codes that look like numbers in an IN rule) saves unchanged too
        JsonNode seeded = JSON.readTree(given().auth().oauth2(bank).get(LOAN + "/products?bankId=ZQRCB&size=1")
                .asString()).path("items").path(0);
        String seededId = seeded.path("id").asText();
        JsonNode seededBefore = JSON.readTree(given().auth().oauth2(bank).get(LOAN + "/products/" + seededId).asString());
        saveUnchanged(page, "/bank/products/" + seededId + "/edit", ".*/bank/products\\?done=product_saved",
                "52-seeded-product-edit");
        assertUnchanged("seeded product " + seededId, seededBefore,
                JSON.readTree(given().auth().oauth2(bank).get(LOAN + "/products/" + seededId).asString()));
        page.context().close();
    }

    // ------------------------------------------------------------------------------------------------ profile

    @Test
    void shouldKeepEveryFieldOfAFullyPopulatedProfileWhenTheProfileFormIsSavedUnchanged() throws Exception {
        String ent = Tokens.forUser("ent29");
        Response mine = given().auth().oauth2(ent).get(ENTERPRISE + "/enterprises/me");
        assertEquals(200, mine.statusCode(), mine.asString());
        ObjectNode profile = (ObjectNode) JSON.readTree(mine.asString());
        String id = profile.path("id").asText();
        profile.put("revenueGrowth", 12.5).put("contactName", "往返测试联系人").put("contactPhone", "0758-2345678")
                .put("contactEmail", "cfo@example.cn").put("creditRating", "CCC").put("listingIntention", "PREPARING")
                .put("targetBoard", "STAR").put("employees", 88).put("patents", 7).put("rdRatio", 6.25)
                .put("clusterCode", "NEV_AUTO");
        profile.putArray("tags").add("HIGH_TECH").add("TECH_SME");
        for (String readOnly : List.of("id", "version", "createdAt", "updatedAt")) {
            profile.remove(readOnly);
        }
        Response put = given().auth().oauth2(ent).header("If-Match", mine.header("ETag"))
                .contentType("application/json").body(profile.toString()).put(ENTERPRISE + "/enterprises/" + id);
        assertEquals(200, put.statusCode(), put.asString());
        JsonNode before = JSON.readTree(put.asString());
        Iterator<String> fields = before.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            assertTrue(!before.path(field).isNull(), "every field of the profile is set: " + field);
        }

        Page page = browser.newPage();
        PortalJourneyIT.login(page, "ent29");
        saveUnchanged(page, "/enterprise/profile", ".*/enterprise\\?done=profile_saved", "53-profile-edit");
        JsonNode after = JSON.readTree(given().auth().oauth2(ent).get(ENTERPRISE + "/enterprises/me").asString());
        assertUnchanged("enterprise " + id, before, after);
        page.context().close();
    }

    // ------------------------------------------------------------------------------------------------ policy tools

    @Test
    void shouldKeepEveryFieldOfAFullyPopulatedPolicyToolWhenItsEditFormIsSavedUnchanged() throws Exception {
        String admin = Tokens.forUser("admin1");
        String body = """
                {"kind": "RISK_POOL", "name": "往返测试风险池 %d", "description": "每个字段都有值",
                 "coverageShare": 0.45, "poolSize": 50000000, "exposureUsed": 1200000, "perEnterpriseCap": 3000000,
                 "subsidyRate": 0.5, "budget": 9000000, "budgetUsed": 100000, "guaranteeFeeRate": 0.8,
                 "validFrom": "2026-01-01", "validTo": "2028-12-31", "active": true}
                """.formatted(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Response created = given().auth().oauth2(admin).contentType("application/json").body(body)
                .post(LOAN + "/policy-tools");
        assertEquals(201, created.statusCode(), created.asString());
        String id = JSON.readTree(created.asString()).path("id").asText();
        JsonNode before = JSON.readTree(given().get(LOAN + "/policy-tools/" + id).asString());

        Page page = browser.newPage();
        PortalJourneyIT.login(page, "admin1");
        saveUnchanged(page, "/admin/policy-tools/" + id + "/edit", ".*/admin/policy-tools\\?done=tool_saved",
                "54-policy-tool-edit");
        assertUnchanged("policy tool " + id, before,
                JSON.readTree(given().get(LOAN + "/policy-tools/" + id).asString()));
        page.context().close();
    }

    @Test
    void shouldCreateARiskPoolThroughThePolicyToolFormAndListItUnderItsKind() throws Exception {
        String name = "表单风险池 " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Page page = browser.newPage();
        PortalJourneyIT.login(page, "admin1");
        page.navigate(PORTAL + "/admin/policy-tools");
        page.fill("#f-name", name);
        page.selectOption("#f-kind", "RISK_POOL");
        page.fill("#f-poolSize", "30000000");
        page.fill("#f-coverageShare", "0.5");
        page.locator("form.new-tool button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/admin/policy-tools\\?done=tool_created"));
        Browser.screenshot(page, "55-policy-tool-created");
        JsonNode tool = null;
        for (JsonNode t : JSON.readTree(given().get(LOAN + "/policy-tools?kind=RISK_POOL&size=200").asString())
                .path("items")) {
            if (name.equals(t.path("name").asText())) {
                tool = t;
            }
        }
        assertTrue(tool != null, "the risk pool was created");
        assertEquals(0, tool.path("poolSize").decimalValue().compareTo(new java.math.BigDecimal("30000000")));
        assertEquals(0, tool.path("coverageShare").decimalValue().compareTo(new java.math.BigDecimal("0.5")));
        String listed = page.locator("li.card:has-text('" + name + "') [data-kind]").getAttribute("data-kind");
        assertEquals("RISK_POOL", listed, "the list shows the tool's kind");
        assertTrue(!page.locator("li.card:has-text('" + name + "') [data-kind]").innerText().isBlank(),
                "the kind is named on the list");
        page.context().close();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Opens the form, changes nothing, saves, and waits for the page the portal sends the browser to after a save. */
    private static void saveUnchanged(Page page, String form, String savedUrl, String screenshot) {
        com.microsoft.playwright.Response opened = page.navigate(PORTAL + form);
        assertEquals(200, opened.status(), form + " opens");
        Browser.screenshot(page, screenshot);
        page.locator("main form[method=post] button[type=submit]").last().click();
        page.waitForLoadState();
        if (!Pattern.compile(savedUrl).matcher(page.url()).matches()) {
            Browser.screenshot(page, screenshot + "-failed");
            throw new AssertionError(form + " saved unchanged ends on " + page.url() + ", not " + savedUrl + ":\n"
                    + page.locator("main").innerText());
        }
    }

    private static void assertUnchanged(String what, JsonNode before, JsonNode after) {
        List<String> differences = new ArrayList<>();
        Iterator<String> names = before.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!CHANGED_BY_A_SAVE.contains(field) && !before.path(field).equals(after.path(field))) {
                differences.add(field + ": " + before.path(field) + " → " + after.path(field));
            }
        }
        assertTrue(differences.isEmpty(), what + " changed when its form was saved unchanged:\n"
                + String.join("\n", differences));
    }
}
