package com.finmatch.enterprise;

import com.finmatch.enterprise.domain.ProductSummary;
import com.finmatch.enterprise.domain.Uscc;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Builds the objects the tests need through the public API, as users and banks would. */
public final class Fixtures {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Fixtures() {
    }

    /** A random, valid USCC of a Zhaoqing company. */
    public static String uscc() {
        StringBuilder body = new StringBuilder("91441203");
        for (int i = 0; i < 9; i++) {
            body.append(Uscc.CHARSET.charAt(ThreadLocalRandom.current().nextInt(Uscc.CHARSET.length())));
        }
        return body.append(Uscc.checkCharacter(body)).toString();
    }

    public static String newSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static Map<String, Object> enterpriseBody(String uscc) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("name", "肇庆市鼎能汽车零部件有限公司 " + uscc.substring(8, 12));
        body.put("legalRepresentative", "冯海燕");
        body.put("foundedOn", "2018-11-28");
        body.put("registeredCapital", 10000000);
        body.put("districtCode", "441203");
        body.put("industryCode", "C3670");
        body.put("clusterCode", "NEV_AUTO");
        body.put("sizeClass", "SMALL");
        body.put("tags", java.util.List.of("HIGH_TECH", "SRDI_PROVINCIAL"));
        body.put("employees", 80);
        body.put("annualRevenue", 52000000.50);
        body.put("revenueGrowth", 12.5);
        body.put("netProfit", 4340000);
        body.put("totalAssets", 70600000);
        body.put("totalLiabilities", 21800000);
        body.put("taxPaid", 1430000);
        body.put("rdRatio", 5.6);
        body.put("patents", 36);
        body.put("creditRating", "AA");
        body.put("listingIntention", "CONSIDERING");
        body.put("targetBoard", "BSE");
        body.put("contactName", "李明");
        body.put("contactPhone", "+86 758 2888888");
        body.put("contactEmail", "finance@example.cn");
        return body;
    }

    /** Registers an enterprise for a new enterprise user; returns its id. */
    public static String registerEnterprise(String subject) {
        return as(Tokens.enterprise(subject)).body(enterpriseBody(uscc()))
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> needBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", 3000000);
        body.put("termMonths", 12);
        body.put("purpose", "TECH_UPGRADE");
        body.put("guaranteeTypes", java.util.List.of("CREDIT", "IP_PLEDGE"));
        body.put("maxAnnualRate", 4.2);
        body.put("neededBy", LocalDate.now().plusMonths(3).toString());
        return body;
    }

    public static String openNeed(String subject, String enterpriseId) {
        return as(Tokens.enterprise(subject)).body(needBody())
                .post("/api/v1/enterprises/" + enterpriseId + "/financing-needs")
                .then().statusCode(201).extract().path("id");
    }

    public static String grantConsent(String subject, String enterpriseId, String bankId, String... categories) {
        return as(Tokens.enterprise(subject))
                .body(Map.of("bankId", bankId, "categories", java.util.List.of(categories),
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .post("/api/v1/enterprises/" + enterpriseId + "/consents")
                .then().statusCode(201).extract().path("id");
    }

    /** Lets a consent run out, as time would (the API only accepts expiries in the future). */
    public static void expireConsent(String consentId) {
        QuarkusTransaction.requiringNew().run(() -> com.finmatch.enterprise.domain.Consent
                .update("expiresAt = ?1 where id = ?2", Instant.now().minusSeconds(1), UUID.fromString(consentId)));
    }

    public static String submitApplication(String subject, String needId, String productId) {
        return as(Tokens.enterprise(subject))
                .body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    // ------------------------------------------------------------------------------ playing loan-service on Kafka

    /** Publishes a product as loan-service would and waits until the replica has it. */
    public static String publishProduct(String bankId) {
        String productId = UUID.randomUUID().toString();
        sendProductEvent("ProductPublished", productId, bankId, "PUBLISHED", 1);
        awaitProductStatus(productId, "PUBLISHED");
        return productId;
    }

    /** Publishes a product valid from {@code validFrom} until {@code validTo} (null: without end). */
    public static String publishProduct(String bankId, LocalDate validFrom, LocalDate validTo) {
        String productId = UUID.randomUUID().toString();
        sendProductEvent("ProductPublished", productId, bankId, "PUBLISHED", 1, validFrom, validTo);
        awaitProductStatus(productId, "PUBLISHED");
        return productId;
    }

    public static void sendProductEvent(String event, String productId, String bankId, String status, int version) {
        sendProductEvent(event, productId, bankId, status, version, LocalDate.of(2026, 1, 1), null);
    }

    static void sendProductEvent(String event, String productId, String bankId, String status, int version,
            LocalDate validFrom, LocalDate validTo) {
        String payload = event.equals("ProductPublished") || event.equals("ProductUpdated")
                ? """
                {"productId":"%s","bankId":"%s","name":"科技贷 %s","type":"TECH_LOAN","minAmount":100000,
                 "maxAmount":10000000,"minTermMonths":6,"maxTermMonths":36,"minAnnualRate":3.1,"maxAnnualRate":4.5,
                 "lprSpreadBps":null,"guaranteeTypes":["CREDIT"],"rules":[],"policyToolIds":[],
                 "validFrom":"%s","validTo":%s,"status":"%s","version":%d}
                """.formatted(productId, bankId, bankId, validFrom, validTo == null ? "null" : "\"" + validTo + "\"",
                        status, version)
                : """
                {"productId":"%s","bankId":"%s","status":"%s","version":%d}
                """.formatted(productId, bankId, status, version);
        String type = "finmatch.product." + event + ".v1";
        conform(type, payload);
        send("product.events", productId, type, "loan-service", payload);
    }

    public static void awaitProductStatus(String productId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ProductSummary p = ProductSummary.findById(UUID.fromString(productId));
            return p != null && status.equals(p.status);
        }));
    }

    /** Reports a lead's status as loan-service would, in a payload that passes loan-service's schema. */
    public static void sendLeadStatus(String applicationId, String productId, String bankId, String status,
            Map<String, Object> extras) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("applicationId", applicationId);
        payload.put("productId", productId);
        payload.put("bankId", bankId);
        payload.put("enterpriseId", UUID.randomUUID().toString());
        payload.put("status", status);
        payload.put("previousStatus", switch (status) {
            case "RECEIVED" -> "SUBMITTED";
            case "UNDER_REVIEW" -> "RECEIVED";
            case "APPROVED", "DECLINED" -> "UNDER_REVIEW";
            default -> "APPROVED";
        });
        payload.put("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        payload.put("reasonCode", null);
        payload.put("note", null);
        payload.put("amount", null);
        payload.put("rate", null);
        payload.put("dueAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("submittedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        if (extras != null) {
            payload.putAll(extras);
        }
        String type = "finmatch.lead.LeadStatusChanged.v1";
        String json = json(payload);
        conform(type, json);
        send("lead.events", applicationId, type, "loan-service", json);
    }

    public static void sendLeadStatus(String applicationId, String productId, String bankId, String status) {
        sendLeadStatus(applicationId, productId, bankId, status, null);
    }

    /** Our stand-in for loan-service must speak its contract: the payload passes loan-service's schema. */
    static void conform(String type, String json) {
        try {
            var errors = EventSchemas.schema(type).validate(JSON.readTree(json));
            if (!errors.isEmpty()) {
                throw new AssertionError("test payload breaks the schema of " + type + ": " + errors);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(String topic, String key, String type, String source, String payload) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        headers.put("content-type", "application/json");
        TopicProbe.send(topic, key, payload, headers);
    }

    public static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    /** Waits until the owner sees the application in {@code status} (a bank's report travels through Kafka). */
    public static void awaitApplicationStatus(String owner, String applicationId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(as(Tokens.enterprise(owner))
                .get("/api/v1/applications/" + applicationId).then().extract().path("status")));
    }
}
