package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.service.OverdueLeadCheck;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 补件: a bank asks for more materials on its lead; the clock pauses until the enterprise answers. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class MaterialsRequestTest {

    private static final String LEADS = "/api/v1/leads";
    private static final String STATUS_CHANGED = "finmatch.lead.LeadStatusChanged.v1";

    @Inject
    OverdueLeadCheck overdueCheck;

    private static ValidatableResponse decide(String token, UUID lead, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(LEADS + "/" + lead + "/decisions").then();
    }

    private static final String REQUEST = """
            {"action": "REQUEST_MATERIALS", "materials": ["TAX_CERTIFICATE", "BANK_STATEMENT", "TAX_CERTIFICATE"],
             "note": "请补充近一年纳税证明和近6个月银行流水"}""";

    private static void materialsSubmitted(UUID lead, UUID enterpriseId, Instant at) {
        TestData.sendEvent("application.events", "finmatch.application.MaterialsSubmitted.v1", "enterprise-service",
                lead.toString(), """
                        {"applicationId": "%s", "enterpriseId": "%s", "productId": "%s", "bankId": "X",
                         "materials": ["TAX_CERTIFICATE", "BANK_STATEMENT"], "at": "%s"}
                        """.formatted(lead, enterpriseId, UUID.randomUUID(), at));
    }

    @Test
    void aBankRequestMovesTheLeadToMaterialsRequestedAndAnnouncesItOnceWithTheListAndMessage() {
        String bankId = TestData.bankUnique("MAT");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(200);
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            decide(bank, lead, REQUEST).statusCode(200).body("status", equalTo("MATERIALS_REQUESTED"))
                    .body("materialsRequested", equalTo(List.of("TAX_CERTIFICATE", "BANK_STATEMENT")))
                    .body("clockPausedAt", notNullValue()).body("overdue", equalTo(false));
            JsonNode event = EventSchemas.assertValid(events.await(r -> lead.toString().equals(r.key())
                    && r.value().contains("MATERIALS_REQUESTED")), "loan-service");
            assertEquals("RECEIVED", event.get("previousStatus").asText());
            assertEquals("[\"TAX_CERTIFICATE\",\"BANK_STATEMENT\"]", event.get("materials").toString());
            assertEquals("请补充近一年纳税证明和近6个月银行流水", event.get("note").asText());
            // a second request while one is open is an illegal move and sends nothing
            decide(bank, lead, REQUEST).statusCode(409).contentType("application/problem+json");
            decide(bank, lead, "{\"action\": \"APPROVE\", \"amount\": 1, \"rate\": 3}").statusCode(409);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(1, events.seen().stream().filter(TopicProbe.ofTypeAndSubject(STATUS_CHANGED,
                    lead.toString())).count());
        }
    }

    @Test
    void aRequestNeedsMaterialsAndAMessageAndOnlyARequestNamesMaterials() {
        String bankId = TestData.bankUnique("MAV");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, "{\"action\": \"REQUEST_MATERIALS\", \"note\": \"请补件\"}").statusCode(400)
                .body("violations[0].field", equalTo("materials"));
        decide(bank, lead, "{\"action\": \"REQUEST_MATERIALS\", \"materials\": []}").statusCode(400);
        decide(bank, lead, "{\"action\": \"REQUEST_MATERIALS\", \"materials\": [\"BANK_STATEMENT\"]}").statusCode(400)
                .body("violations[0].field", equalTo("note"));
        decide(bank, lead, "{\"action\": \"REQUEST_MATERIALS\", \"materials\": [\"DIPLOMA\"], \"note\": \"x\"}")
                .statusCode(400);
        decide(bank, lead, "{\"action\": \"RECEIVE\", \"materials\": [\"BANK_STATEMENT\"]}").statusCode(400)
                .body("violations[0].field", equalTo("materials"));
        decide(bank, lead, "{\"action\": \"SUBMIT_MATERIALS\"}").statusCode(400)
                .body("violations[0].field", equalTo("action"));
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void onlyTheOwningBankMayAskForMaterials() {
        String bankId = TestData.bankUnique("MAO");
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        decide(Tokens.bank("other", TestData.bankUnique("MAX")), lead, REQUEST).statusCode(404);
        decide(Tokens.admin("admin1"), lead, REQUEST).statusCode(403);
        decide(Tokens.enterprise("ent-x"), lead, REQUEST).statusCode(403);
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).get(LEADS + "/" + lead).then()
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aLeadWhoseDeadlinePassesWhilePausedIsNotOverdueAndTheAnswerResumesItsClockLater() {
        String bankId = TestData.bankUnique("MAP");
        String bank = Tokens.bank("bank-user", bankId);
        UUID enterpriseId = UUID.randomUUID();
        UUID lead = LeadFlowTest.lead(bankId, enterpriseId, Instant.now());
        UUID control = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, REQUEST).statusCode(200);
        String pausedAt = given().auth().oauth2(bank).get(LEADS + "/" + lead).then().extract().path("clockPausedAt");
        Instant paused = Instant.parse(pausedAt);
        // the deadline passes while the clock is paused (the control lead, unanswered, is late by the same deadline)
        Instant deadline = paused.plus(1, ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> Lead.update("dueAt = ?1 where id in (?2, ?3)", deadline, lead,
                control));
        Instant later = deadline.plus(1, ChronoUnit.HOURS);
        overdueCheck.escalate(later);
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("overdue", equalTo(false))
                .body("escalated", equalTo(false));
        given().auth().oauth2(bank).get(LEADS + "/" + control).then().body("escalated", equalTo(true));
        given().auth().oauth2(bank).get(LEADS + "?overdue=true").then().body("items.id", equalTo(
                List.of(control.toString())));

        try (TopicProbe events = TopicProbe.of("lead.events")) {
            Instant answered = paused.plus(10, ChronoUnit.DAYS);
            materialsSubmitted(lead, enterpriseId, answered);
            await().atMost(Duration.ofSeconds(20)).until(() -> "UNDER_REVIEW".equals(
                    given().auth().oauth2(bank).get(LEADS + "/" + lead).then().extract().path("status")));
            given().auth().oauth2(bank).get(LEADS + "/" + lead).then()
                    .body("dueAt", equalTo(deadline.plus(10, ChronoUnit.DAYS).toString()))
                    .body("clockPausedAt", nullValue()).body("materialsRequested", empty())
                    .body("overdue", equalTo(false))
                    .body("history.status", equalTo(List.of("SUBMITTED", "MATERIALS_REQUESTED", "UNDER_REVIEW")));
            JsonNode event = EventSchemas.assertValid(events.await(r -> lead.toString().equals(r.key())
                    && r.value().contains("\"status\":\"UNDER_REVIEW\"")), "loan-service");
            assertEquals("MATERIALS_REQUESTED", event.get("previousStatus").asText());
            // the same answer again (another ce_id) changes nothing
            materialsSubmitted(lead, enterpriseId, answered.plusSeconds(60));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(1, events.seen().stream().filter(TopicProbe.ofTypeAndSubject(STATUS_CHANGED,
                    lead.toString())).count());
        }
        decide(bank, lead, "{\"action\": \"APPROVE\", \"amount\": 1000000, \"rate\": 3.2}").statusCode(200);
    }

    @Test
    void aBankMayDeclineALeadThatWaitsForMaterials() {
        String bankId = TestData.bankUnique("MAD");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, REQUEST).statusCode(200);
        decide(bank, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"INCOMPLETE_MATERIALS\"}").statusCode(200)
                .body("status", equalTo("DECLINED")).body("clockPausedAt", nullValue());
    }
}
