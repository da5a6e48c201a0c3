package com.finmatch.e2e.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Real headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright for Java, with the axe-core
 * accessibility scan and screenshots kept in {@code target/screenshots}. One browser per test class; one context
 * (cookies, session) per user. Playwright starts Chromium with a fresh temporary profile ({@code --user-data-dir}) itself.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String AXE = readAxe();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    Browser() {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create();
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("finmatch.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /**
     * A fresh browser session (no cookies) in Chinese. CSP is bypassed only so that the test can inject axe-core; the
     * pages themselves run under the portal's strict policy.
     */
    Page newPage() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("zh-CN").setViewportSize(1280, 900).setBypassCSP(true));
        context.setDefaultTimeout(20_000);
        String upstream = System.getProperty("finmatch.portal.upstream");
        if (upstream != null && !upstream.isBlank()) {
            relayPortal(context, upstream);
        }
        return context.newPage();
    }

    /**
     * For a developer whose shared stack already runs an older portal on 8080: {@code -Dfinmatch.portal.upstream=
     * http://127.0.0.1:8090} sends the browser's portal requests to a portal started there (with
     * {@code QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true}), while the
     * browser and Keycloak still see the registered address {@value PortalJourneyIT#PORTAL_ADDRESS}.
     */
    private static void relayPortal(BrowserContext context, String upstream) {
        String portal = PortalJourneyIT.PORTAL;
        context.route(url -> url.startsWith(portal + "/"), route -> {
            java.util.Map<String, String> headers = new java.util.HashMap<>(route.request().allHeaders());
            headers.put("x-forwarded-host", portal.substring(portal.indexOf("//") + 2));
            headers.put("x-forwarded-proto", "http");
            com.microsoft.playwright.APIResponse answer = route.fetch(new com.microsoft.playwright.Route.FetchOptions()
                    .setUrl(upstream + route.request().url().substring(portal.length())).setHeaders(headers)
                    .setMaxRedirects(0));
            route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setResponse(answer));
        });
    }

    /** Axe-core over the whole page: no serious or critical violation; the page is photographed either way. */
    static void assertAccessible(Page page, String name) {
        screenshot(page, name);
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        String serious = (String) page.evaluate("async () => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "     + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')).join('\\n'); }");
        assertTrue(serious.isEmpty(), name + " (" + page.url() + ") has serious accessibility violations:\n" + serious);
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
