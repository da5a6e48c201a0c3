package com.finmatch.e2e.authz;

import static com.finmatch.e2e.authz.Api.ENTERPRISE;
import static com.finmatch.e2e.authz.Api.LOAN;
import static com.finmatch.e2e.authz.Api.MATCHING;
import static com.finmatch.e2e.authz.Api.ok;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.e2e.portal.PortalJourneyIT;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The objects the authorization tests act on, created through the public APIs: enterprise A ({@code ent34}) and B
 * ({@code ent35}) with needs, consents, projects and applications; products of bank X (ZQRCB) and Y (CCBZQ), published
 * and draft; the leads of the applications; a training offer and a policy tool. Products carry a hard rule
 * ({@code employees = 4242}) that only these two enterprises meet, so that no other test's enterprise is matched with
 * them; {@link #cleanUp()} withdraws them. Idempotent on a reused stack: an enterprise registered before is reused.
 */
final class AuthzFixture {
    static final int MARKER_EMPLOYEES = 4242;
    /** A bank that is none of the matrix's actors, so that the consents of the fixture let no actor read. */
    static final String BYSTANDER_BANK = "BOCZQ";

    private static AuthzFixture instance;

    /** When the fixture began: every match of its products was found after this. */
    final Instant createdAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    final String entA;
    final String entB;
    final Map<Actor, JsonNode> registered = new LinkedHashMap<>();
    final String needA;
    final String needB;
    final String spareNeedA;
    final String consentA;
    final String consentB;
    final String spareConsentA;
    final String projectA;
    final String projectB;
    final String documentA;
    final String spareDocumentA;
    final String publishedX;
    final String draftX;
    final String spareX;
    final String publishedY;
    final String draftY;
    final String spareY;
    final String applicationA;
    final String applicationB;
    final String spareApplicationA;
    final String trainingOffer;
    final String policyTool;
    private final List<String> products = new ArrayList<>();

    /**
     * Gives test classes the fixture, created once per run and cleaned up after the last class (after every class
     * that uses it ran): {@code @ExtendWith({RealStack.class, AuthzFixture.Once.class})}, then {@link #get()}.
     */
    static final class Once implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(AuthzFixture.class.getName(), k -> new Handle(get()), Handle.class);
        }
    }

    @SuppressWarnings("deprecation")
    private record Handle(AuthzFixture fixture) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            fixture.cleanUp();
        }
    }

    static synchronized AuthzFixture get() {
        if (instance == null) {
            instance = new AuthzFixture();
        }
        return instance;
    }

    private AuthzFixture() {
        entA = enterpriseOf(Actor.ENT_A);
        entB = enterpriseOf(Actor.ENT_B);
        revokeAllConsents(Actor.ENT_A, entA);
        revokeAllConsents(Actor.ENT_B, entB);
        needA = need(Actor.ENT_A, entA);
        needB = need(Actor.ENT_B, entB);
        spareNeedA = need(Actor.ENT_A, entA);
        String needA2 = need(Actor.ENT_A, entA);
        consentA = consent(Actor.ENT_A, entA, BYSTANDER_BANK, List.of("PROFILE"), days(30));
        consentB = consent(Actor.ENT_B, entB, BYSTANDER_BANK, List.of("PROFILE"), days(30));
        spareConsentA = consent(Actor.ENT_A, entA, BYSTANDER_BANK, List.of("CONTACTS"), days(30));
        projectA = project(Actor.ENT_A, entA);
        projectB = project(Actor.ENT_B, entB);
        documentA = document(Actor.ENT_A, entA);
        spareDocumentA = document(Actor.ENT_A, entA);

        publishedX = publish(Actor.BANK_X_CLIENT, product(Actor.BANK_X_CLIENT, "X published"));
        draftX = product(Actor.BANK_X_CLIENT, "X draft");
        spareX = product(Actor.BANK_X_CLIENT, "X spare");
        publishedY = publish(Actor.BANK_Y_CLIENT, product(Actor.BANK_Y_CLIENT, "Y published"));
        draftY = product(Actor.BANK_Y_CLIENT, "Y draft");
        spareY = product(Actor.BANK_Y_CLIENT, "Y spare");

        applicationA = apply(Actor.ENT_A, needA, publishedX);
        applicationB = apply(Actor.ENT_B, needB, publishedY);
        spareApplicationA = apply(Actor.ENT_A, needA2, publishedX);
        awaitLead(applicationA);
        awaitLead(applicationB);
        awaitLead(spareApplicationA);

        trainingOffer = ok(Api.post(Actor.ADMIN, LOAN + "/training-offers", Map.of("organiser", "authz test",
                "title", "authorization matrix offer", "format", "ONLINE",
                "startsOn", LocalDate.now().plusDays(30).toString(), "endsOn", LocalDate.now().plusDays(31).toString(),
                "seats", 50, "rules", List.of(markerRule()))), "training offer").path("id").asText();
        policyTool = ok(Api.post(Actor.ADMIN, LOAN + "/policy-tools", Map.of("kind", "INTEREST_SUBSIDY",
                "name", "authz test subsidy " + UUID.randomUUID(), "subsidyRate", 0.5, "budget", 1000000)),
                "policy tool").path("id").asText();
    }

    /** Withdraws the fixture's products and closes its training offer, so later tests do not see them. */
    void cleanUp() {
        for (String id : products) {
            Actor bank = id.equals(publishedY) || id.equals(draftY) || id.equals(spareY)
                    ? Actor.BANK_Y_CLIENT : Actor.BANK_X_CLIENT;
            Api.post(bank, LOAN + "/products/" + id + "/withdraw", null);
        }
        Api.post(Actor.ADMIN, LOAN + "/training-offers/" + trainingOffer + "/close", null);
    }

    // ---------------------------------------------------------------------------------------------- enterprises

    /** The actor's enterprise: the one registered before, or a new one (with every field, contacts included). */
    private String enterpriseOf(Actor owner) {
        Api.Reply me = Api.get(owner, ENTERPRISE + "/enterprises/me");
        JsonNode e = me.status() == 404
                ? ok(Api.post(owner, ENTERPRISE + "/enterprises", enterpriseBody(PortalJourneyIT.uscc(), owner)),
                        "register " + owner)
                : ok(me, "enterprise of " + owner);
        registered.put(owner, e);
        return e.path("id").asText();
    }

    static Map<String, Object> enterpriseBody(String uscc, Actor owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", uscc);
        body.put("name", "肇庆市授权测试有限公司 " + owner.login);
        body.put("legalRepresentative", "测试人");
        body.put("foundedOn", "2015-06-01");
        body.put("registeredCapital", 5000000);
        // A in 441202 (dist1's district), B in 441203 (dist2's)
        body.put("districtCode", owner == Actor.ENT_B ? "441203" : "441202");
        body.put("industryCode", "C3670");
        body.put("clusterCode", "NEV_AUTO");
        body.put("sizeClass", "SMALL");
        body.put("tags", List.of("HIGH_TECH"));
        body.put("employees", MARKER_EMPLOYEES);
        body.put("annualRevenue", 30000000);
        body.put("revenueGrowth", 12.5);
        body.put("netProfit", 2000000);
        body.put("totalAssets", 40000000);
        body.put("totalLiabilities", 10000000);
        body.put("taxPaid", 900000);
        body.put("rdRatio", 6.5);
        body.put("patents", 12);
        body.put("creditRating", "AA");
        body.put("listingIntention", "CONSIDERING");
        body.put("targetBoard", "BSE");
        body.put("contactName", "联系人");
        body.put("contactPhone", "0758-1234567");
        body.put("contactEmail", owner.login + "@example.com");
        return body;
    }

    static Map<String, Object> needBody() {
        return new LinkedHashMap<>(Map.of("amount", 45_000_000, "termMonths", 110, "purpose", "WORKING_CAPITAL",
                "guaranteeTypes", List.of("CREDIT"), "maxAnnualRate", 8.0,
                "neededBy", LocalDate.now().plusMonths(3).toString()));
    }

    static Map<String, Object> projectBody() {
        return new LinkedHashMap<>(Map.of("name", "授权测试项目", "investmentAmount", 20000000, "financingGap", 5000000,
                "stage", "PLANNING", "districtCode", "441202", "termMonths", 36));
    }

    static Map<String, Object> consentBody(String bankId, List<String> categories, Instant expiresAt) {
        return new LinkedHashMap<>(Map.of("bankId", bankId, "categories", categories,
                "expiresAt", expiresAt.toString()));
    }

    static String need(Actor owner, String enterpriseId) {
        return ok(Api.post(owner, ENTERPRISE + "/enterprises/" + enterpriseId + "/financing-needs", needBody()),
                "need of " + owner).path("id").asText();
    }

    static String consent(Actor owner, String enterpriseId, String bankId, List<String> categories, Instant expiresAt) {
        return ok(Api.post(owner, ENTERPRISE + "/enterprises/" + enterpriseId + "/consents",
                consentBody(bankId, categories, expiresAt)), "consent of " + owner).path("id").asText();
    }

    /** Revokes every consent of the enterprise that is still active (all pages). */
    static void revokeAllConsents(Actor owner, String enterpriseId) {
        String base = ENTERPRISE + "/enterprises/" + enterpriseId + "/consents";
        for (int round = 0; round < 50; round++) {
            JsonNode items = ok(Api.get(owner, base + "?size=200"), "consents").path("items");
            List<String> active = new ArrayList<>();
            items.forEach(c -> {
                if (c.path("active").asBoolean()) {
                    active.add(c.path("id").asText());
                }
            });
            if (active.isEmpty()) {
                return;
            }
            active.forEach(id -> Api.call(owner, "DELETE", base + "/" + id, null, Map.of()));
        }
    }

    private static String project(Actor owner, String enterpriseId) {
        return ok(Api.post(owner, ENTERPRISE + "/enterprises/" + enterpriseId + "/projects", projectBody()),
                "project of " + owner).path("id").asText();
    }

    /** A multipart upload of a small PDF as a document of kind OTHER (enterprise-service decides the type by content). */
    static final String DOCUMENT_BOUNDARY = "finmatch-authz-boundary";
    static final Map<String, String> DOCUMENT_UPLOAD = Map.of("Content-Type",
            "multipart/form-data; boundary=" + DOCUMENT_BOUNDARY);

    static String documentBody() {
        String b = "--" + DOCUMENT_BOUNDARY + "\r\n";
        return b + "Content-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n"
                + b + "Content-Disposition: form-data; name=\"file\"; filename=\"authz.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\r\n"
                + "--" + DOCUMENT_BOUNDARY + "--\r\n";
    }

    private static String document(Actor owner, String enterpriseId) {
        return ok(Api.call(owner, "POST", ENTERPRISE + "/enterprises/" + enterpriseId + "/documents", documentBody(),
                DOCUMENT_UPLOAD), "document of " + owner).path("id").asText();
    }

    static Instant days(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------------------------------------- banks

    static Map<String, Object> markerRule() {
        return Map.of("field", "employees", "operator", "EQ", "value", MARKER_EMPLOYEES, "hard", true, "weight", 0,
                "message", Map.of("zh", "授权测试企业", "en", "authorization test enterprises only"));
    }

    static Map<String, Object> productBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "authz " + name);
        body.put("type", "CREDIT_LOAN");
        body.put("minAmount", 10000);
        body.put("maxAmount", 50000000);
        body.put("minTermMonths", 1);
        body.put("maxTermMonths", 120);
        body.put("minAnnualRate", 3.0);
        body.put("maxAnnualRate", 6.0);
        body.put("guaranteeTypes", List.of("CREDIT"));
        body.put("rules", List.of(markerRule()));
        return body;
    }

    private String product(Actor bank, String name) {
        String id = ok(Api.post(bank, LOAN + "/products", productBody(name)), "product " + name).path("id").asText();
        products.add(id);
        return id;
    }

    private static String publish(Actor bank, String productId) {
        ok(Api.post(bank, LOAN + "/products/" + productId + "/publish", null), "publish " + productId);
        return productId;
    }

    /** Applies once enterprise-service knows the product as published (it learns that from product.events). */
    static String apply(Actor owner, String needId, String productId) {
        Map<String, Object> body = Map.of("financingNeedId", needId, "productId", productId);
        Api.Reply[] last = new Api.Reply[1];
        await("application of " + owner + " to " + productId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    last[0] = Api.post(owner, ENTERPRISE + "/applications", body);
                    return last[0].status() != 422 && last[0].status() != 404;
                });
        return ok(last[0], "application of " + owner).path("id").asText();
    }

    /** Waits until loan-service holds the lead of an application (it learns of it from application.events). */
    static void awaitLead(String applicationId) {
        await("lead " + applicationId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.get(Actor.ADMIN, LOAN + "/leads/" + applicationId).ok());
    }

    static String recommendationsUrl(String enterpriseId) {
        return MATCHING + "/recommendations/enterprises/" + enterpriseId;
    }
}
