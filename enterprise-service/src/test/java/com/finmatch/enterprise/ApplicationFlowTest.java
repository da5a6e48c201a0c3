package com.finmatch.enterprise;

import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.openNeed;
import static com.finmatch.enterprise.Fixtures.publishProduct;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static com.finmatch.enterprise.Fixtures.sendLeadStatus;
import static com.finmatch.enterprise.Fixtures.submitApplication;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ApplicationFlowTest {

    private static final String BANK = "ZQRCB";

    @Test
    void shouldCarryAnApplicationFromSubmittedToDisbursedAndFulfilTheNeed() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String productId = publishProduct(BANK);
        try (TopicProbe applications = TopicProbe.of("application.events");
                TopicProbe enterprises = TopicProbe.of("enterprise.events")) {
            String id = as(Tokens.enterprise(owner))
                    .body(Map.of("financingNeedId", needId, "productId", productId))
                    .post("/api/v1/applications").then().statusCode(201)
                    .body("status", equalTo("SUBMITTED"))
                    .body("bankId", equalTo(BANK))
                    .body("productName", equalTo("科技贷 " + BANK))
                    .body("history.status", equalTo(List.of("SUBMITTED")))
                    .body("history[0].at", notNullValue())
                    .extract().path("id");

            ConsumerRecord<String, String> submitted = applications.await(
                    TopicProbe.ofTypeAndSubject("finmatch.application.ApplicationSubmitted.v1", id));
            var payload = EventSchemas.assertValid(submitted, "enterprise-service");
            assertEquals(BANK, payload.get("bankId").asText());
            assertEquals(needId, payload.get("financingNeedId").asText());
            assertEquals(12, payload.get("termMonths").asInt());

            sendLeadStatus(id, productId, BANK, "RECEIVED");
            sendLeadStatus(id, productId, BANK, "UNDER_REVIEW");
            sendLeadStatus(id, productId, BANK, "APPROVED", Map.of("amount", 2800000, "rate", 3.6));
            sendLeadStatus(id, productId, BANK, "DISBURSED", Map.of("amount", 2800000));
            Fixtures.awaitApplicationStatus(owner, id, "DISBURSED");

            as(Tokens.enterprise(owner)).get("/api/v1/applications/" + id).then().statusCode(200)
                    .body("history.status",
                            equalTo(List.of("SUBMITTED", "RECEIVED", "UNDER_REVIEW", "APPROVED", "DISBURSED")))
                    .body("history.at", everyItem(notNullValue()))
                    .body("history[3].amount", equalTo(2800000f))
                    .body("history[4].amount", equalTo(2800000f));
            as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().statusCode(200)
                    .body("items.id", hasItem(id));
            as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/financing-needs/" + needId)
                    .then().body("status", equalTo("FULFILLED"));
            EventSchemas.assertValid(enterprises.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.enterprise.FinancingNeedFulfilled.v1", enterpriseId)), "enterprise-service");

            // the product's bank and admins read it; another bank does not see it exists
            as(Tokens.bank(newSubject("banker"), BANK)).get("/api/v1/applications/" + id).then().statusCode(200);
            as(Tokens.admin(newSubject("admin"))).get("/api/v1/applications/" + id).then().statusCode(200);
            as(Tokens.bank(newSubject("banker"), "ICBCZQ")).get("/api/v1/applications/" + id).then()
                    .statusCode(404);
            // final: no withdrawal any more
            as(Tokens.enterprise(owner)).post("/api/v1/applications/" + id + "/withdraw").then().statusCode(409);
        }
    }

    @Test
    void shouldRecordADeclineWithItsReason() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        String productId = publishProduct(BANK);
        String id = submitApplication(owner, needId, productId);
        sendLeadStatus(id, productId, BANK, "DECLINED",
                Map.of("reasonCode", "INSUFFICIENT_REVENUE", "note", "营业收入低于产品要求"));
        Fixtures.awaitApplicationStatus(owner, id, "DECLINED");
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + id).then()
                .body("history[1].status", equalTo("DECLINED"))
                .body("history[1].reasonCode", equalTo("INSUFFICIENT_REVENUE"))
                .body("history[1].note", equalTo("营业收入低于产品要求"));
    }

    @Test
    void shouldIgnoreAStatusThatIsNotALegalNextStepOrWasRecordedAlready() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        String productId = publishProduct(BANK);
        String id = submitApplication(owner, needId, productId);
        sendLeadStatus(id, productId, BANK, "UNDER_REVIEW");
        sendLeadStatus(id, productId, BANK, "UNDER_REVIEW"); // a second report (another ce_id)
        sendLeadStatus(id, productId, BANK, "RECEIVED"); // backwards
        sendLeadStatus(id, productId, BANK, "APPROVED", Map.of("amount", 1000000));
        Fixtures.awaitApplicationStatus(owner, id, "APPROVED");
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + id).then()
                .body("history.status", equalTo(List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")));
    }

    @Test
    void shouldAnswer422ForAnUnknownOrUnpublishedProduct() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", UUID.randomUUID()))
                .post("/api/v1/applications").then().statusCode(422).contentType("application/problem+json");

        String productId = publishProduct(BANK);
        Fixtures.sendProductEvent("ProductSuspended", productId, BANK, "SUSPENDED", 2);
        Fixtures.awaitProductStatus(productId, "SUSPENDED");
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(422);
        // an older update arriving late does not publish it again
        Fixtures.sendProductEvent("ProductUpdated", productId, BANK, "PUBLISHED", 1);
        Fixtures.sendProductEvent("ProductWithdrawn", productId, BANK, "WITHDRAWN", 3);
        Fixtures.awaitProductStatus(productId, "WITHDRAWN");
        as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().body("total", equalTo(0));
    }

    @Test
    void shouldAnswer409ForAnActiveDuplicateAndAllowAnotherAfterWithdrawal() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        String productId = publishProduct(BANK);
        String first = submitApplication(owner, needId, productId);
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(409).contentType("application/problem+json");

        try (TopicProbe applications = TopicProbe.of("application.events")) {
            as(Tokens.enterprise(owner)).post("/api/v1/applications/" + first + "/withdraw").then()
                    .statusCode(200)
                    .body("status", equalTo("WITHDRAWN"))
                    .body("history.status", equalTo(List.of("SUBMITTED", "WITHDRAWN")));
            var withdrawn = EventSchemas.assertValid(applications.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.application.ApplicationWithdrawn.v1", first)), "enterprise-service");
            assertEquals(BANK, withdrawn.get("bankId").asText());
        }
        as(Tokens.enterprise(owner)).post("/api/v1/applications/" + first + "/withdraw").then().statusCode(409);
        submitApplication(owner, needId, productId);
    }

    @Test
    void shouldAcceptOnlyOneOfTwoSimultaneousApplicationsForTheSameNeedAndProduct() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        String productId = publishProduct(BANK);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Integer>> submissions = List.of(1, 2).stream()
                .map(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return as(Tokens.enterprise(owner))
                            .body(Map.of("financingNeedId", needId, "productId", productId))
                            .post("/api/v1/applications").statusCode();
                })).toList();
        start.countDown();
        List<Integer> statuses = submissions.stream()
                .map(f -> f.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join()).sorted().toList();
        assertEquals(List.of(201, 409), statuses);
        as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().body("total", equalTo(1));
    }

    @Test
    void shouldAnswer404ForANeedThatIsNotTheCallers() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        String productId = publishProduct(BANK);
        String intruder = newSubject("intruder");
        registerEnterprise(intruder);
        as(Tokens.enterprise(intruder)).body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(404);
        as(Tokens.enterprise(newSubject("unregistered")))
                .body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(404);
    }

    @Test
    void shouldRefuseToApplyAgainstAWithdrawnNeed() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String productId = publishProduct(BANK);
        as(Tokens.enterprise(owner))
                .post("/api/v1/enterprises/" + enterpriseId + "/financing-needs/" + needId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", productId))
                .post("/api/v1/applications").then().statusCode(409);
    }

    @Test
    void shouldTakeTheBodylessWithdrawalsWithoutAContentType() {
        // curl -X POST sends no Content-Type: an action without a body must not answer 415
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String applicationId = submitApplication(owner, needId, publishProduct(BANK));
        given().auth().oauth2(Tokens.enterprise(owner))
                .post("/api/v1/applications/" + applicationId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.enterprise(owner))
                .post("/api/v1/enterprises/" + enterpriseId + "/financing-needs/" + needId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldSendALeadEventOfAnUnknownApplicationToTheDeadLetterTopic() {
        String ghost = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.of("lead.events.dlq")) {
            sendLeadStatus(ghost, UUID.randomUUID().toString(), BANK, "RECEIVED");
            ConsumerRecord<String, String> dead = dlq.await(r -> ghost.equals(r.key()), Duration.ofSeconds(30));
            assertEquals(ghost, TopicProbe.header(dead, "ce_subject"));
        }
    }

    @Test
    void shouldSkipTheDemoHistorysLeadEventsOfApplicationsItNeverHad() {
        String ghost = UUID.randomUUID().toString();
        String payload = """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","status":"RECEIVED",
                 "previousStatus":"SUBMITTED","at":"2026-03-11T02:00:00Z","reasonCode":null,"note":null,
                 "amount":null,"rate":null,"dueAt":"2026-03-12T02:00:00Z","submittedAt":"2026-03-10T02:00:00Z",
                 "responseWorkingHours":24}""".formatted(ghost, UUID.randomUUID(), BANK, UUID.randomUUID());
        Fixtures.conform("finmatch.lead.LeadStatusChanged.v1", payload);
        try (TopicProbe dlq = TopicProbe.of("lead.events.dlq")) {
            // the demo history's step first, then loan-service's of the same unknown application on the same key:
            // only the second is dead-lettered
            Fixtures.send("lead.events", ghost, "finmatch.lead.LeadStatusChanged.v1", "finmatch-demo-history",
                    payload);
            sendLeadStatus(ghost, UUID.randomUUID().toString(), BANK, "RECEIVED");
            ConsumerRecord<String, String> dead = dlq.await(r -> ghost.equals(r.key()), Duration.ofSeconds(30));
            assertEquals("loan-service", TopicProbe.header(dead, "ce_source"));
        }
    }

    @Test
    void shouldSendAProductEventItCannotReadToTheDeadLetterTopicAndGoOn() {
        try (TopicProbe dlq = TopicProbe.of("product.events.dlq")) {
            Fixtures.send("product.events", "not-a-product", "finmatch.product.ProductPublished.v1", "loan-service",
                    "{\"productId\":\"not-a-uuid\",\"bankId\":\"ZQRCB\",\"status\":\"PUBLISHED\"}");
            ConsumerRecord<String, String> dead = dlq.await(r -> "not-a-product".equals(r.key()),
                    Duration.ofSeconds(30));
            assertEquals("finmatch.product.ProductPublished.v1", TopicProbe.header(dead, "ce_type"));
        }
        publishProduct(BANK); // the consumer goes on
    }
}
