package com.finmatch.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.matching.service.NightlyRematch;
import com.finmatch.platform.time.PlatformClock;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events in, ranked and explained recommendations out, MatchesChanged on match.events — on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class RecommendationFlowTest {

    private static final String CHANGED = "finmatch.match.MatchesChanged.v1";

    @Inject
    NightlyRematch nightly;

    @Test
    void shouldRecommendRankedExplainedProductsAndPublishMatchesChanged() {
        String enterprise = Events.id();
        String need = Events.id();
        String good = Events.id();
        String dearer = Events.id();
        String elsewhere = Events.id();
        String owner = "owner-" + enterprise;
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.publishProduct(good, "ZQRCB", "441202", "3.40", 1);
            // fails only the need's maximum rate; one more hard rule keeps it among the listed near misses
            Events.send("product.events", dearer, "finmatch.product.ProductPublished.v1",
                    smartHardwareOnly(Events.product(dearer, "ICBC", "441202", "5.20", 1, "PUBLISHED")));
            // fails only its district, and fits on one more hard rule than the other tests' products do
            Events.send("product.events", elsewhere, "finmatch.product.ProductPublished.v1",
                    smartHardwareOnly(Events.product(elsewhere, "CCB", "441284", "3.00", 1, "PUBLISHED")));
            Events.registerEnterprise(enterprise, owner, "441202", "SMART_HARDWARE");
            Events.openNeed(enterprise, need, 2_000_000, "4.50");

            ConsumerRecord<String, String> record = matches.await(TopicProbe.ofTypeAndSubject(CHANGED, need),
                    Duration.ofSeconds(60));
            JsonNode payload = EventSchemas.assertValid(record, "matching-service");
            assertEquals(enterprise, payload.get("enterpriseId").asText());
            assertEquals(good, payload.get("top").get(0).get("productId").asText());
            assertEquals(1, payload.get("top").size(), "5.20% is above the need's maximum of 4.50%");
        }

        given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("enterpriseId", equalTo(enterprise))
                .body("recommendations[0].needId", equalTo(need))
                .body("recommendations[0].products", hasSize(1))
                .body("recommendations[0].products[0].productId", equalTo(good))
                .body("recommendations[0].products[0].bankId", equalTo("ZQRCB"))
                .body("recommendations[0].products[0].estimatedRate", equalTo(3.40f))
                .body("recommendations[0].products[0].reasons.en", hasItem("High-tech enterprises preferred"))
                .body("recommendations[0].products[0].reasons.zh", hasItem("优先支持高新技术企业"))
                .body("recommendations[0].nearMisses.productId", hasItem(elsewhere))
                .body("recommendations[0].nearMisses.find { it.productId == '" + elsewhere + "' }.failedRules.en",
                        equalTo(List.of("Enterprises of this district")))
                .body("recommendations[0].nearMisses.find { it.productId == '" + dearer + "' }.failedRules.zh",
                        equalTo(List.of("年利率 5.2% 高于您可接受的 4.5%")))
                .body("recommendations[0].products[0].applied", nullValue());
    }

    /** An application shows on its product; once the bank declines it, the product leaves that need's list. */
    @Test
    void shouldMarkAnAppliedProductAndDropItOnceDeclined() {
        String enterprise = Events.id();
        String need = Events.id();
        String applied = Events.id();
        String other = Events.id();
        String application = Events.id();
        String owner = "owner-" + enterprise;
        String district = "A-" + need.substring(0, 8);
        Events.publishProduct(applied, "ZQRCB", district, "3.40", 1);
        Events.publishProduct(other, "ICBC", district, "3.60", 1);
        Events.registerEnterprise(enterprise, owner, district, "FOOD");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 1_000_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains(applied) && r.value().contains(other),
                    Duration.ofSeconds(60));
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                    {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s",
                     "bankId":"ZQRCB","amount":1000000,"termMonths":24,"submittedAt":"%s"}"""
                    .formatted(application, enterprise, need, applied, now.minusHours(1)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                    .when().get("/api/v1/recommendations/me")
                    .then().statusCode(200)
                    .body("recommendations[0].products.productId", equalTo(List.of(applied, other)))
                    .body("recommendations[0].products[0].applied.applicationId", equalTo(application))
                    .body("recommendations[0].products[0].applied.status", equalTo("SUBMITTED"))
                    .body("recommendations[0].products[1].applied", nullValue()));
            Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                    {"applicationId":"%s","productId":"%s","bankId":"ZQRCB","enterpriseId":"%s","status":"DECLINED",
                     "previousStatus":"UNDER_REVIEW","at":"%s","reasonCode":"CREDIT_HISTORY","submittedAt":"%s"}"""
                    .formatted(application, applied, enterprise, now, now.minusHours(1)));
            ConsumerRecord<String, String> dropped = matches.await(r -> need.equals(r.key())
                    && !r.value().contains(applied), Duration.ofSeconds(60));
            JsonNode top = EventSchemas.assertValid(dropped, "matching-service").get("top");
            assertEquals(1, top.size());
            assertEquals(other, top.get(0).get("productId").asText());
        }
        given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].products.productId", equalTo(List.of(other)))
                .body("recommendations[0].nearMisses.productId", not(hasItem(applied)));
    }

    /**
     * A decline is a route: after a bank declines for collateral, the need's recommendation carries the next steps —
     * the recommended credit loan, not the mortgage loan, and never the declined product.
     */
    @Test
    void shouldRouteANeedDeclinedForCollateralToTheCreditLoansItIsEligibleFor() {
        String enterprise = Events.id();
        String need = Events.id();
        String declined = Events.id();
        String mortgage = Events.id();
        String credit = Events.id();
        String application = Events.id();
        String owner = "owner-" + enterprise;
        String district = "R-" + need.substring(0, 8);
        Events.send("product.events", declined, "finmatch.product.ProductPublished.v1",
                mortgageOnly(Events.product(declined, "ZQRCB", district, "3.40", 1, "PUBLISHED")));
        Events.send("product.events", mortgage, "finmatch.product.ProductPublished.v1",
                mortgageOnly(Events.product(mortgage, "ICBC", district, "3.50", 1, "PUBLISHED")));
        Events.publishProduct(credit, "CCB", district, "3.60", 1);
        Events.registerEnterprise(enterprise, owner, district, "FOOD");
        Events.openNeed(enterprise, need, 1_000_000, "5.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].products", hasSize(3))
                .body("recommendations[0].nextSteps", nullValue()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s",
                 "bankId":"ZQRCB","amount":1000000,"termMonths":24,"submittedAt":"%s"}"""
                .formatted(application, enterprise, need, declined, now.minusHours(1)));
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"ZQRCB","enterpriseId":"%s","status":"DECLINED",
                 "previousStatus":"UNDER_REVIEW","at":"%s","reasonCode":"INSUFFICIENT_COLLATERAL","submittedAt":"%s"}"""
                .formatted(application, declined, enterprise, now, now.minusHours(1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].products.productId", containsInAnyOrder(mortgage, credit))
                .body("recommendations[0].nextSteps.applicationId", equalTo(application))
                .body("recommendations[0].nextSteps.declinedProductId", equalTo(declined))
                .body("recommendations[0].nextSteps.reasonCode", equalTo("INSUFFICIENT_COLLATERAL"))
                .body("recommendations[0].nextSteps.products.productId", equalTo(List.of(credit)))
                .body("recommendations[0].nextSteps.advice.zh", not(nullValue())));
    }

    private static String mortgageOnly(String product) {
        return product.replace("\"guaranteeTypes\":[\"CREDIT\"]", "\"guaranteeTypes\":[\"MORTGAGE\"]");
    }

    /**
     * An expired subsidy lowers no rate; training shows without a need (listing readiness), and an offer whose seats
     * ran out is no longer offered.
     */
    @Test
    void shouldIgnoreAnExpiredSubsidyAndAFullTrainingOfferAndOfferTrainingWithoutANeed() {
        String enterprise = Events.id();
        String owner = "owner-" + enterprise;
        String product = Events.id();
        String subsidy = Events.id();
        String offer = Events.id();
        String need = Events.id();
        String district = "S-" + product.substring(0, 8);
        LocalDate today = PlatformClock.today(Clock.systemUTC());
        Events.send("product.events", subsidy, "finmatch.product.PolicyToolChanged.v1", """
                {"policyToolId":"%s","kind":"INTEREST_SUBSIDY","name":"过期贴息","subsidyRate":1.0,"coverageShare":null,
                 "poolSize":0,"exposureUsed":0,"perEnterpriseCap":null,"active":true,"validFrom":"2020-01-01",
                 "validTo":"%s","budget":null,"budgetUsed":0}""".formatted(subsidy, today.minusDays(1)));
        Events.send("product.events", product, "finmatch.product.ProductPublished.v1",
                Events.product(product, "CEB", district, "3.40", 1, "PUBLISHED")
                        .replace("\"policyToolIds\":[]", "\"policyToolIds\":[\"" + subsidy + "\"]"));
        Events.send("product.events", offer, "finmatch.product.TrainingOfferPublished.v1", """
                {"offerId":"%s","organiser":"深交所","title":"上市培育 %s","format":"ONLINE","startsOn":"%s",
                 "endsOn":"%s","seats":30,"seatsLeft":1,"rules":[{"field":"districtCode","operator":"EQ",
                 "value":"%s","hard":true,"weight":0,"message":{"zh":"本区县企业","en":"This district"}}],
                 "status":"OPEN"}""".formatted(offer, district, today, today.plusDays(7), district));
        Events.registerEnterprise(enterprise, owner, district, "FOOD");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations", hasSize(0))
                .body("listingReadiness.trainingOffers.offerId", equalTo(List.of(offer)))
                .body("listingReadiness.trainingOffers[0].reasons.en", equalTo(List.of("This district"))));

        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 1_000_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains(product), Duration.ofSeconds(60));
        }
        given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].products[0].estimatedRate", equalTo(3.40f))
                .body("recommendations[0].products[0].policySupport", hasSize(0))
                .body("recommendations[0].trainingOffers.offerId", equalTo(List.of(offer)));

        Events.send("product.events", offer, "finmatch.product.TrainingOfferSeatsChanged.v1", """
                {"offerId":"%s","seats":30,"seatsLeft":0,"at":"%s"}""".formatted(offer,
                OffsetDateTime.now(ZoneOffset.UTC)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("listingReadiness.trainingOffers", hasSize(0))
                .body("recommendations[0].trainingOffers", hasSize(0)));
    }

    @Test
    void shouldShowAnEnterprisesRecommendationsOnlyToItsOwnerAndAdministrators() {
        String enterprise = Events.id();
        String owner = "owner-" + enterprise;
        Events.registerEnterprise(enterprise, owner, "441203", "NEV");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/enterprises/" + enterprise).then().statusCode(200));
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(200).body("enterpriseId", equalTo(enterprise));
        given().auth().oauth2(Tokens.enterprise("someone-else"))
                .when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.bank("bank-user", "ZQRCB"))
                .when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/recommendations/enterprises/not-a-uuid")
                .then().statusCode(404);
        given().when().get("/api/v1/recommendations/enterprises/" + enterprise).then().statusCode(401);
        given().auth().oauth2(Tokens.enterprise("nobody-registered"))
                .when().get("/api/v1/recommendations/me").then().statusCode(404);
        given().auth().oauth2(Tokens.admin("admin-1"))
                .when().get("/api/v1/recommendations/me").then().statusCode(403);
    }

    @Test
    void shouldPublishOnlyWhenATopListActuallyChanges() {
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        String district = "T-" + need.substring(0, 8);
        Events.publishProduct(product, "GDB", district, "3.40", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "FOOD");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 1_000_000, "4.00");
            ConsumerRecord<String, String> opened = matches.await(TopicProbe.ofTypeAndSubject(CHANGED, need),
                    Duration.ofSeconds(60));
            assertEquals(80.5, EventSchemas.assertValid(opened, "matching-service").at("/top/0/score").asDouble(),
                    "50 appetite + 10 term + 11.5 rate + 4 guarantee + 5 programme");
            // a new name changes no ranking; a new rate does — both on the product's key, so in this order
            Events.send("product.events", product, "finmatch.product.ProductUpdated.v1",
                    Events.product(product, "GDB", district, "3.40", 2, "PUBLISHED").replace("科技贷", "新名字"));
            Events.send("product.events", product, "finmatch.product.ProductUpdated.v1",
                    Events.product(product, "GDB", district, "3.90", 3, "PUBLISHED"));
            matches.await(r -> need.equals(r.key()) && r.value().contains("\"score\":79.25"), Duration.ofSeconds(60));
            Events.send("product.events", product, "finmatch.product.ProductSuspended.v1",
                    "{\"productId\":\"" + product + "\",\"bankId\":\"GDB\",\"status\":\"SUSPENDED\",\"version\":4}");
            matches.await(r -> need.equals(r.key()) && r.value().contains("\"top\":[]"), Duration.ofSeconds(60));
            long published = matches.seen().stream().filter(r -> need.equals(r.key())).count();
            assertEquals(3, published, "opened, re-rated, suspended: the rename published nothing");
        }
    }

    @Test
    void shouldApplyAnEventDeliveredTwiceOnce() {
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        Events.publishProduct(product, "HXB", "441225", "3.40", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, "441225", "FOOD");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            String json = """
                    {"enterpriseId":"%s","needId":"%s","amount":500000,"termMonths":12,"purpose":"WORKING_CAPITAL",
                     "guaranteeTypes":["CREDIT"],"maxAnnualRate":5.00,"neededBy":null,"projectId":null,
                     "openedAt":"2026-01-01T00:00:00Z"}""".formatted(enterprise, need);
            String ceId = Events.id();
            Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedOpened.v1", json, ceId);
            Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedWithdrawn.v1",
                    "{\"enterpriseId\":\"" + enterprise + "\",\"needId\":\"" + need + "\",\"at\":\"2026-01-02T00:00:00Z\"}");
            Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedOpened.v1", json, ceId);
            matches.await(r -> need.equals(r.key()) && r.value().contains("\"top\":[]"), Duration.ofSeconds(60));
        }
        given().auth().oauth2(Tokens.enterprise("owner-" + enterprise))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200).body("recommendations", hasSize(0));
    }

    @Test
    void shouldDropTheMatchesOfAFulfilledNeed() {
        String enterprise = Events.id();
        String need = Events.id();
        String district = "F-" + need.substring(0, 8);
        Events.publishProduct(Events.id(), "BOC", district, "3.60", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "BIOMED");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 900_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains("BOC"), Duration.ofSeconds(60));
            Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedFulfilled.v1",
                    "{\"enterpriseId\":\"" + enterprise + "\",\"needId\":\"" + need + "\",\"applicationId\":\""
                            + Events.id() + "\",\"at\":\"2026-05-01T00:00:00Z\"}");
            matches.await(r -> need.equals(r.key()) && r.value().contains("\"top\":[]"), Duration.ofSeconds(60));
        }
        given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/matches?district=" + district)
                .then().statusCode(200).body("total", equalTo(0));
    }

    /**
     * "Today" is China's date from the service's clock: a product valid until day D is recommended on D, and after
     * the clock passes midnight the nightly re-match rebuilds the engine for D+1, drops it and publishes the change.
     */
    @Test
    void shouldDropAProductWhoseValidityEndedOnceTheNightlyReMatchRunsOnTheNextDay() {
        LocalDate day = PlatformClock.today(Clock.systemUTC());
        setClock(day.atTime(LocalTime.of(23, 59)));
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        String owner = "owner-" + enterprise;
        String district = "D-" + need.substring(0, 8);
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.send("product.events", product, "finmatch.product.ProductPublished.v1",
                    Events.product(product, "CEB", district, "3.40", 1, "PUBLISHED")
                            .replace("\"validTo\":null", "\"validTo\":\"" + day + "\""));
            Events.registerEnterprise(enterprise, owner, district, "FOOD");
            Events.openNeed(enterprise, need, 1_000_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains(product), Duration.ofSeconds(60));
        }
        given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].needId", equalTo(need))
                .body("recommendations[0].products.productId", equalTo(List.of(product)));

        setClock(day.plusDays(1).atTime(LocalTime.of(0, 1)));
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            nightly.rematchForTheNewDay();
            ConsumerRecord<String, String> gone = matches.await(TopicProbe.ofTypeAndSubject(CHANGED, need),
                    Duration.ofSeconds(60));
            assertEquals(0, EventSchemas.assertValid(gone, "matching-service").get("top").size());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.enterprise(owner))
                .when().get("/api/v1/recommendations/me")
                .then().statusCode(200)
                .body("recommendations[0].needId", equalTo(need))
                .body("recommendations[0].products", hasSize(0)));
    }

    /** A product JSON with one more hard rule: the smart-hardware cluster only. */
    private static String smartHardwareOnly(String product) {
        return product.replace("\"rules\":[", "\"rules\":[{\"field\":\"clusterCode\",\"operator\":\"EQ\","
                + "\"value\":\"SMART_HARDWARE\",\"hard\":true,\"weight\":0,"
                + "\"message\":{\"zh\":\"智能五金\",\"en\":\"Smart hardware\"}},");
    }

    /** The service's clock stands still at this time of China's calendar for the rest of the test. */
    private static void setClock(LocalDateTime chinaTime) {
        QuarkusMock.installMockForType(Clock.fixed(chinaTime.toInstant(PlatformClock.CHINA), PlatformClock.CHINA),
                Clock.class);
    }
}
