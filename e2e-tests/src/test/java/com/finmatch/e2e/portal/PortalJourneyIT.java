package com.finmatch.e2e.portal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.finmatch.devstack.Stack;
import com.finmatch.e2e.RealStack;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web portal in real headless Chromium against the real stack, logging in through Keycloak's own login page:
 * {@code ent31} (no enterprise yet) registers, opens a need, sees a recommendation of a {@code bank1} (ZQRCB) product
 * and applies; {@code bank1} sees the lead and approves it; the enterprise sees "approved"; {@code admin1}'s dashboard
 * counts it. Every main page passes an axe-core scan without serious or critical violations and is photographed into
 * {@code target/screenshots}.
 */
@ExtendWith(RealStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class PortalJourneyIT {
    static final String PORTAL_ADDRESS = "http://127.0.0.1:8080";
    static final String PORTAL = Stack.WEB_PORTAL.url();
    static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private Browser browser;
    private Page admin;
    private int applicationsBefore;

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

    // ------------------------------------------------------------------------------------------------ public

    @Test
    @Order(1)
    void shouldShowTheLandingPageAndTheCatalogueWithoutLogin() {
        Page page = browser.newPage();
        Response landing = page.navigate(PORTAL + "/");
        assertEquals(200, landing.status());
        assertEquals("zh-CN", page.locator("html").getAttribute("lang"));
        assertTrue(page.locator("h1").innerText().contains("政银企融资对接"));
        Browser.assertAccessible(page, "01-landing");

        page.locator("nav a[href='/products']").click();
        page.waitForURL(PORTAL + "/products");
        assertTrue(page.locator("li.product").count() > 0, "the seeded catalogue lists products");
        Browser.assertAccessible(page, "02-catalogue");

        page.navigate(PORTAL + "/products?bankId=ZQRCB");
        assertEquals("ZQRCB", page.locator("#f-bank").inputValue(), "the filter shows the chosen bank");
        assertTrue(page.locator("li.product").count() > 0, "ZQRCB has published products");
        page.locator("li.product h2 a").first().click();
        page.waitForURL(Pattern.compile(".*/products/[0-9a-f-]{36}"));
        assertTrue(page.locator(".rules li").count() > 0, "a product shows its eligibility rules");
        Browser.assertAccessible(page, "03-product");

        page.navigate(PORTAL + "/?lang=en");
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertTrue(page.locator("a[href='/products']").first().innerText().contains("Loan marketplace"));
        Browser.assertAccessible(page, "04-landing-en");
        page.context().close();
    }

    // ------------------------------------------------------------------------------------------------ journey

    @Test
    @Order(2)
    void shouldCarryAnApplicationFromRegistrationToApproval() {
        // the administrator's count before, to see the journey counted after
        admin = browser.newPage();
        login(admin, "admin1");
        admin.navigate(PORTAL + "/admin");
        applicationsBefore = kpi(admin, "applications");

        // ent31 has no enterprise yet: the login lands on the registration form
        Page ent = browser.newPage();
        login(ent, "ent31");
        ent.navigate(PORTAL + "/enterprise");
        if (ent.url().endsWith("/enterprise/profile")) {
            registerEnterprise(ent);
        }
        assertTrue(ent.locator("h1").innerText().length() > 0);
        Browser.assertAccessible(ent, "11-enterprise-home");

        // a financing need with an amount of its own, to find it again at the bank
        long amount = 1_000_000 + ThreadLocalRandom.current().nextLong(1, 999) * 1000;
        String shown = String.format(java.util.Locale.ROOT, "%,d", amount); // as the pages write money: 1,234,000
        ent.navigate(PORTAL + "/enterprise/needs/new");
        Browser.assertAccessible(ent, "12-need-form");
        ent.fill("#f-amount", Long.toString(amount));
        ent.fill("#f-termMonths", "24");
        ent.selectOption("#f-purpose", "WORKING_CAPITAL");
        ent.fill("#f-maxAnnualRate", "4.5");
        ent.fill("#f-neededBy", LocalDate.now().plusDays(60).toString());
        ent.check("input[name=guaranteeTypes][value=CREDIT]");
        ent.locator("form button[type=submit]").click();
        ent.waitForURL(Pattern.compile(".*/enterprise/recommendations.*"));

        // matching runs on events: the recommendation of a ZQRCB (bank1) product arrives shortly
        Locator needSection = ent.locator("section:has(h2:has-text('" + shown + "'))");
        Locator zqrcb = needSection.locator("li.product:has-text('ZQRCB')");
        eventually("a ZQRCB product is recommended for the need of " + amount, ent, () -> zqrcb.count() > 0);
        assertTrue(zqrcb.first().locator("ul li").count() > 0, "the recommendation gives its reasons");
        Browser.assertAccessible(ent, "13-recommendations");
        zqrcb.first().locator("button[type=submit]").click();
        // the apply step asks for consent to the bank and previews exactly what it will see
        ent.waitForURL(Pattern.compile(".*/enterprise/apply\\?.*"));
        assertTrue(ent.locator("input[name=categories][value=PROFILE]").isChecked(), "PROFILE is ticked by default");
        assertTrue(!ent.locator("input[name=categories][value=FINANCIALS]").isChecked(), "FINANCIALS is a choice");
        String enterpriseName = ent.locator("dl[data-category=PROFILE] dd[data-field=name]").innerText();
        assertTrue(enterpriseName.length() > 0, "the preview shows the enterprise's name as the bank will see it");
        assertTrue(ent.locator("dl[data-category=FINANCIALS] dd[data-field=annualRevenue]").count() == 1,
                "the preview lists the financial figures under FINANCIALS");
        Browser.assertAccessible(ent, "13b-apply-consent");
        ent.check("input[name=categories][value=FINANCIALS]");
        ent.locator("button[name=share][value=consent]").click();
        ent.waitForURL(Pattern.compile(".*/enterprise/applications.*"));
        Locator application = ent.locator("article.application:has-text('" + shown + "')");
        assertTrue(application.count() > 0, "the application is listed");
        assertEquals("SUBMITTED", application.first().locator("[data-status]").getAttribute("data-status"));
        Browser.assertAccessible(ent, "14-applications");

        ent.navigate(PORTAL + "/enterprise/consents");
        Browser.assertAccessible(ent, "15-consents");
        ent.navigate(PORTAL + "/enterprise/projects");
        Browser.assertAccessible(ent, "16-projects");

        // bank1 sees the lead in its inbox and decides: receive, review, approve
        Page bank = browser.newPage();
        login(bank, "bank1");
        bank.navigate(PORTAL + "/bank");
        Locator lead = bank.locator("table.leads tbody tr:has-text('" + shown + "')");
        eventually("bank1 sees the lead of " + amount, bank, () -> lead.count() > 0);
        Browser.assertAccessible(bank, "21-bank-leads");
        lead.first().locator("a").first().click();
        bank.waitForURL(Pattern.compile(".*/bank/leads/[0-9a-f-]{36}"));
        String leadUrl = bank.url();
        // the consent given on applying shows the bank the enterprise, and the enterprise sees that read in its log
        eventually("bank1 sees the consenting enterprise on the lead", bank,
                () -> bank.locator("h1").innerText().contains(enterpriseName));
        ent.navigate(PORTAL + "/enterprise/consents");
        eventually("the enterprise's access log shows bank1's read", ent,
                () -> ent.locator("section[aria-labelledby=log-h] tbody tr:has-text('ZQRCB')").count() > 0);
        Browser.assertAccessible(bank, "22-bank-lead");
        for (String action : new String[] {"RECEIVE", "REVIEW", "APPROVE"}) {
            bank.navigate(leadUrl);
            bank.selectOption("#f-action", action);
            if (action.equals("APPROVE")) {
                bank.fill("#f-amount", Long.toString(amount));
                bank.fill("#f-rate", "3.6");
            }
            bank.locator("form.decision button[type=submit]").click();
            bank.waitForURL(Pattern.compile(".*/bank\\?done=decided"), new Page.WaitForURLOptions().setTimeout(20_000));
        }
        bank.navigate(PORTAL + "/bank/products");
        Browser.assertAccessible(bank, "23-bank-products");
        bank.navigate(PORTAL + "/bank/products/new");
        Browser.assertAccessible(bank, "24-bank-product-form");
        bank.navigate(PORTAL + "/bank/scorecard");
        Browser.assertAccessible(bank, "25-bank-scorecard");

        // the enterprise sees "approved" on its timeline
        ent.navigate(PORTAL + "/enterprise/applications");
        Locator approved = ent.locator("article.application:has-text('" + shown + "') [data-status=APPROVED]");
        eventually("the enterprise sees its application approved", ent, () -> approved.count() > 0);
        Browser.screenshot(ent, "17-application-approved");

        // the administrator's dashboard counts it
        admin.navigate(PORTAL + "/admin");
        eventually("the dashboard counts the application", admin, () -> kpi(admin, "applications") > applicationsBefore);
        Browser.assertAccessible(admin, "31-admin-dashboard");
    }

    // ------------------------------------------------------------------------------------------------ admin pages

    @Test
    @Order(3)
    void shouldShowTheAdministratorsPagesAccessibly() {
        Page page = admin != null ? admin : browser.newPage();
        if (admin == null) {
            login(page, "admin1");
        }
        String[][] pages = {{"/admin/feed", "32-admin-feed"}, {"/admin/scorecards", "33-admin-scorecards"},
                {"/admin/training-offers", "34-admin-training"}, {"/admin/policy-tools", "35-admin-policy-tools"},
                {"/admin/banks", "36-admin-banks"}, {"/admin/clusters", "37-admin-clusters"},
                {"/admin/projects", "38-admin-projects"}};
        for (String[] p : pages) {
            Response r = page.navigate(PORTAL + p[0]);
            assertEquals(200, r.status(), p[0]);
            Browser.assertAccessible(page, p[1]);
        }
        String csv = (String) page.evaluate("async () => { const r = await fetch('/admin/export.csv?groupBy=bank');"
                + " return r.status + ' ' + r.headers.get('content-type') + ' ' + await r.text(); }");
        assertTrue(csv.startsWith("200 text/csv"), "the CSV export answers: " + csv.lines().findFirst().orElse(""));
        assertTrue(csv.contains("applications"), "the CSV has the KPI columns");
    }

    @Test
    @Order(4)
    void shouldExplainMissingPermissionWithAClearPage() {
        Page page = browser.newPage();
        login(page, "bank2");
        Response r = page.navigate(PORTAL + "/admin");
        assertEquals(403, r.status());
        assertTrue(page.locator("h1").innerText().contains("没有权限"));
        assertTrue(!page.content().contains("Exception"), "no stack trace");
        Browser.assertAccessible(page, "41-error-forbidden");
        Response missing = page.navigate(PORTAL + "/products/00000000-0000-4000-8000-000000000000");
        assertEquals(404, missing.status());
        Browser.screenshot(page, "42-error-not-found");
        page.context().close();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The authorization-code flow through Keycloak's own login page; back on the portal afterwards. */
    static void login(Page page, String user) {
        page.navigate(PORTAL + "/login");
        page.waitForSelector("#username");
        assertTrue(page.url().startsWith(Stack.REALM_URL), "the login page is Keycloak's: " + page.url());
        assertTrue(page.url().contains("code_challenge_method=S256"), "the portal uses PKCE");
        page.fill("#username", user);
        page.fill("#password", user + "-pass");
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(PORTAL));
        assertTrue(page.locator(".account .who").innerText().contains(user), user + " is signed in");
        boolean tokenInPage = page.content().contains("eyJ");
        assertTrue(!tokenInPage, "no token reaches the page");
    }

    private static void registerEnterprise(Page ent) {
        Browser.assertAccessible(ent, "10-enterprise-register");
        String uscc = uscc();
        // a typo in the check character is explained inline before anything is sent
        String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        ent.fill("#f-uscc", wrong);
        assertTrue(ent.locator("#f-uscc-live").innerText().contains(String.valueOf(uscc.charAt(17))),
                "the live check names the expected check character");
        ent.fill("#f-uscc", uscc);
        ent.fill("#f-name", "肇庆市端测精密五金有限公司" + uscc.substring(10, 14));
        ent.fill("#f-legalRepresentative", "陈测试");
        ent.fill("#f-foundedOn", "2018-03-01");
        ent.fill("#f-registeredCapital", "5000000");
        ent.selectOption("#f-districtCode", "441203");
        ent.fill("#f-industryCode", "C3389");
        ent.selectOption("#f-clusterCode", "METAL_HARDWARE");
        ent.selectOption("#f-sizeClass", "SMALL");
        ent.check("input[name=tags][value=SRDI_PROVINCIAL]");
        ent.fill("#f-employees", "60");
        ent.fill("#f-annualRevenue", "30000000");
        ent.fill("#f-netProfit", "2000000");
        ent.fill("#f-totalAssets", "40000000");
        ent.fill("#f-totalLiabilities", "15000000");
        ent.fill("#f-taxPaid", "800000");
        ent.fill("#f-rdRatio", "4.5");
        ent.fill("#f-patents", "12");
        ent.selectOption("#f-creditRating", "AA");
        ent.selectOption("#f-listingIntention", "NONE");
        ent.locator("form button[type=submit]").click();
        ent.waitForURL(Pattern.compile(".*/enterprise\\?done=registered"));
    }

    /** A USCC with a correct GB 32100-2015 check character: 91 (company), district 441203, nine random characters. */
    public static String uscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91441203");
        while (code.length() < 17) {
            code.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(chars.charAt((31 - sum % 31) % 31)).toString();
    }

    private static int kpi(Page page, String name) {
        String text = page.locator("[data-kpi=" + name + "]").innerText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    /**
     * Reloads the page every second until what the user waits for shows (events travel through Kafka), or fails after
     * a while with a screenshot. Polled in this thread: Playwright's page belongs to it.
     */
    private static void eventually(String what, Page page, BooleanSupplier shown) {
        AtomicBoolean looked = new AtomicBoolean();
        try {
            await(what).atMost(EVENTUALLY).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (looked.getAndSet(true)) {
                            page.reload();
                        }
                        return shown.getAsBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            Browser.screenshot(page, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(what + ": not shown on " + page.url() + " within " + EVENTUALLY.toSeconds() + " s");
        }
    }
}
