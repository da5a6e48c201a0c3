package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.service.OverdueLeadCheck;
import com.finmatch.loan.service.WorkingCalendar;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applications become leads; banks decide through the state machine; overdue leads are escalated. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class LeadFlowTest {

    private static final String LEADS = "/api/v1/leads";

    @Inject
    OverdueLeadCheck overdueCheck;

    @Inject
    WorkingCalendar calendar;

    /** A lead for a new application to a bank, once loan-service has consumed ApplicationSubmitted. */
    static UUID lead(String bankId, UUID enterpriseId, Instant submittedAt) {
        UUID applicationId = UUID.randomUUID();
        TestData.applicationSubmitted(applicationId, enterpriseId, UUID.randomUUID(), bankId, submittedAt);
        String token = Tokens.bank("bank-user", bankId);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(token).get(LEADS + "/" + applicationId).statusCode() == 200);
        return applicationId;
    }

    private static ValidatableResponse decide(String token, UUID lead, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(LEADS + "/" + lead + "/decisions").then();
    }

    @Test
    void shouldTurnAnApplicationIntoALeadDueAfterTheBankPromiseInWorkingHours() {
        String bankId = bankPromising("DUE", 48);
        Instant friday = Instant.parse("2026-11-27T02:00:00Z"); // Friday 10:00 in China
        UUID lead = lead(bankId, UUID.randomUUID(), friday);
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).when().get(LEADS + "/" + lead)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED"))
                .body("bankId", equalTo(bankId))
                .body("amount", equalTo(3000000.0f))
                .body("submittedAt", equalTo("2026-11-27T02:00:00Z"))
                .body("dueAt", equalTo("2026-12-01T02:00:00Z")) // Tuesday 10:00 in China
                .body("history[0].status", equalTo("SUBMITTED"));
    }

    @Test
    void shouldGiveTheLeadToTheProductsBankWhateverTheEventSays() {
        String bankId = TestData.bankUnique("OWN");
        String bank = Tokens.bank("bank-user", bankId);
        String product = given().auth().oauth2(bank).contentType(ContentType.JSON)
                .body(TestData.productJson("本行产品")).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
        UUID applicationId = UUID.randomUUID();
        TestData.applicationSubmitted(applicationId, UUID.randomUUID(), UUID.fromString(product), "SOMEONE_ELSE",
                Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(bank).get(LEADS + "/" + applicationId).statusCode() == 200);
        given().auth().oauth2(Tokens.bank("x", "SOMEONE_ELSE")).get(LEADS + "/" + applicationId).then()
                .statusCode(404);
    }

    @Test
    void shouldOpenNoLeadForAnApplicationOfTheDemoHistory() {
        String bankId = TestData.bankUnique("HIST");
        UUID applicationId = UUID.randomUUID();
        Instant submittedAt = Instant.parse("2026-03-10T02:00:00Z");
        // the demo's past application first, for another bank, then the same application id as enterprise-service
        // sends it, on the same key (so after it): the lead is the second one's, so the first opened nothing
        TestData.sendEvent("application.events", "finmatch.application.ApplicationSubmitted.v1",
                "finmatch-demo-history", applicationId.toString(), """
                        {"applicationId": "%s", "enterpriseId": "%s", "financingNeedId": "%s", "productId": "%s",
                         "bankId": "HISTORY", "amount": 3000000, "termMonths": 24, "submittedAt": "%s"}
                        """.formatted(applicationId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        submittedAt));
        TestData.applicationSubmitted(applicationId, UUID.randomUUID(), UUID.randomUUID(), bankId, submittedAt);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.bank("bank-user", bankId))
                .get(LEADS + "/" + applicationId).statusCode() == 200);
        given().auth().oauth2(Tokens.bank("bank-user", "HISTORY")).get(LEADS + "/" + applicationId).then()
                .statusCode(404);
    }

    @Test
    void shouldUseSeventyTwoWorkingHoursForABankOutsideTheRegistry() {
        String bankId = TestData.bankUnique("UNREG");
        Instant monday = Instant.parse("2026-11-23T01:00:00Z");
        UUID lead = lead(bankId, UUID.randomUUID(), monday);
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).when().get(LEADS + "/" + lead)
                .then().body("dueAt", equalTo("2026-11-26T01:00:00Z")); // Mon 09:00 CST + 72 h → Thu 09:00
    }

    /** A bank in the registry promising {@code hours} working hours. */
    static String bankPromising(String prefix, int hours) {
        String bankId = TestData.bankUnique(prefix);
        given().auth().oauth2(Tokens.admin("admin1")).contentType(ContentType.JSON)
                .body("{\"bankId\": \"" + bankId + "\", \"name\": \"测试银行\", \"responseHours\": " + hours + "}")
                .when().post("/api/v1/banks").then().statusCode(201);
        return bankId;
    }

    /** The {@code dueAt} of a new lead for the bank, submitted at {@code submittedAt}. */
    static String dueAt(String bankId, Instant submittedAt) {
        UUID lead = lead(bankId, UUID.randomUUID(), submittedAt);
        return given().auth().oauth2(Tokens.bank("bank-user", bankId)).when().get(LEADS + "/" + lead)
                .then().statusCode(200).extract().path("dueAt");
    }

    @Test
    void shouldNotCountNationalDayInTheDueTime() {
        // Wed 2026-09-30 10:00 CST + 48 h: 14 h that day, 10-01..10-07 are holidays, 24 h on Thu 10-08, the last
        // 10 h on Fri 10-09 → Fri 10-09 10:00 CST (Mon–Fri alone would give Fri 10-02 10:00)
        String bankId = bankPromising("NATDAY", 48);
        assertEquals("2026-10-09T02:00:00Z", dueAt(bankId, Instant.parse("2026-09-30T02:00:00Z")));
    }

    @Test
    void shouldCarryALeadFromReceivedToDisbursedAnnouncingEveryStep() {
        String bankId = TestData.bankUnique("FLOW");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = lead(bankId, UUID.randomUUID(), Instant.now());
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(200).body("status", equalTo("RECEIVED"))
                    .body("answeredAt", notNullValue());
            decide(bank, lead, "{\"action\": \"REVIEW\", \"note\": \"材料已收齐\"}").statusCode(200)
                    .body("status", equalTo("UNDER_REVIEW"));
            decide(bank, lead, "{\"action\": \"APPROVE\", \"amount\": 2500000, \"rate\": 3.45}").statusCode(200)
                    .body("status", equalTo("APPROVED")).body("approvedAmount", equalTo(2500000.0f))
                    .body("approvedRate", equalTo(3.45f));
            decide(bank, lead, "{\"action\": \"DISBURSE\"}").statusCode(200)
                    .body("status", equalTo("DISBURSED")).body("disbursedAmount", equalTo(2500000.0f))
                    .body("history.status", equalTo(java.util.List.of("SUBMITTED", "RECEIVED", "UNDER_REVIEW",
                            "APPROVED", "DISBURSED")));
            String[] statuses = {"RECEIVED", "UNDER_REVIEW", "APPROVED", "DISBURSED"};
            String previous = "SUBMITTED";
            for (String status : statuses) {
                JsonNode event = EventSchemas.assertValid(events.await(r -> lead.toString().equals(r.key())
                        && r.value().contains("\"status\":\"" + status + "\"")), "loan-service");
                assertEquals(previous, event.get("previousStatus").asText());
                assertEquals(bankId, event.get("bankId").asText());
                previous = status;
            }
            decide(bank, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"CREDIT_HISTORY\"}").statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void shouldRefuseEveryIllegalMoveWith409AndChangeNothing() {
        String bankId = TestData.bankUnique("ILL");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, "{\"action\": \"REVIEW\"}").statusCode(409);
        decide(bank, lead, "{\"action\": \"APPROVE\", \"amount\": 1, \"rate\": 3}").statusCode(409);
        decide(bank, lead, "{\"action\": \"DISBURSE\"}").statusCode(409);
        decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(200);
        decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(409);
        decide(bank, lead, "{\"action\": \"APPROVE\", \"amount\": 1, \"rate\": 3}").statusCode(409);
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("status", equalTo("RECEIVED"))
                .body("history.size()", equalTo(2));
    }

    @Test
    void shouldDeclineOnlyWithAPublishedReasonCode() {
        String bankId = TestData.bankUnique("DEC");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, lead, "{\"action\": \"DECLINE\"}").statusCode(400)
                .body("violations[0].field", equalTo("reasonCode"));
        decide(bank, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"DONT_LIKE_THEM\"}").statusCode(400)
                .body("violations[0].field", equalTo("reasonCode"));
        decide(bank, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"OTHER\"}").statusCode(400)
                .body("violations[0].field", equalTo("note"));
        decide(bank, lead, "{\"action\": \"SHRUG\"}").statusCode(400).body("violations[0].field", equalTo("action"));
        decide(bank, lead, "{\"amount\": 5}").statusCode(400).body("violations[0].field", equalTo("action"));
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            decide(bank, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"INSUFFICIENT_REVENUE\", \"note\": \"营收不足\"}")
                    .statusCode(200).body("status", equalTo("DECLINED"))
                    .body("declineReason", equalTo("INSUFFICIENT_REVENUE"));
            JsonNode event = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.lead.LeadStatusChanged.v1", lead.toString())), "loan-service");
            assertEquals("INSUFFICIENT_REVENUE", event.get("reasonCode").asText());
            assertEquals("营收不足", event.get("note").asText());
        }
        given().get(LEADS + "/decline-reasons").then().statusCode(200).body("code", hasItem("INCOMPLETE_MATERIALS"));
    }

    @Test
    void shouldKeepBankAFromSeeingOrDecidingBankBLeads() {
        String bankA = TestData.bankUnique("LA");
        String bankB = TestData.bankUnique("LB");
        UUID leadOfB = lead(bankB, UUID.randomUUID(), Instant.now());
        String tokenA = Tokens.bank("a-user", bankA);
        given().auth().oauth2(tokenA).get(LEADS + "/" + leadOfB).then().statusCode(404);
        decide(tokenA, leadOfB, "{\"action\": \"RECEIVE\"}").statusCode(404);
        given().auth().oauth2(tokenA).get(LEADS + "?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(leadOfB.toString())));
        given().auth().oauth2(tokenA).get(LEADS + "?bankId=" + bankB).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.bank("b-user", bankB)).get(LEADS).then().statusCode(200)
                .body("items.id", hasItem(leadOfB.toString()));
        given().auth().oauth2(Tokens.admin("admin1")).get(LEADS + "?bankId=" + bankB).then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(Tokens.admin("admin1")).get(LEADS + "/" + leadOfB).then().statusCode(200);
        given().auth().oauth2(Tokens.bank("b-user", bankB)).get(LEADS + "/" + leadOfB).then()
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void shouldAnnounceTheResponseTimeInWorkingHoursOnTheServiceLevelCalendar() {
        String bankId = TestData.bankUnique("RESP");
        String bank = Tokens.bank("bank-user", bankId);
        Instant saturday = Instant.parse("2026-11-28T02:00:00Z"); // Saturday 10:00 in China: no working day
        UUID lead = lead(bankId, UUID.randomUUID(), saturday);
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(200);
            JsonNode received = EventSchemas.assertValid(events.await(r -> lead.toString().equals(r.key())
                    && r.value().contains("\"status\":\"RECEIVED\"")), "loan-service");
            Instant at = Instant.parse(received.get("at").asText());
            BigDecimal expected = BigDecimal.valueOf(calendar.current().workingTimeBetween(saturday, at).toSeconds())
                    .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(received.get("responseWorkingHours").decimalValue()),
                    received.toString());
            double clockHours = Duration.between(saturday, at).toMinutes() / 60.0;
            assertTrue(received.get("responseWorkingHours").doubleValue() < clockHours - 37,
                    "the weekend's 38 hours after Saturday 10:00 do not count: " + received);

            decide(bank, lead, "{\"action\": \"REVIEW\"}").statusCode(200);
            JsonNode reviewed = EventSchemas.assertValid(events.await(r -> lead.toString().equals(r.key())
                    && r.value().contains("\"status\":\"UNDER_REVIEW\"")), "loan-service");
            assertEquals(received.get("responseWorkingHours").decimalValue(),
                    reviewed.get("responseWorkingHours").decimalValue(), "every later event repeats the first answer's");
        }
    }

    @Test
    void shouldLetAnAdministratorSeeEveryLeadButDecideOnNoneWith403() {
        String bankId = TestData.bankUnique("ADM");
        UUID lead = lead(bankId, UUID.randomUUID(), Instant.now());
        String admin = Tokens.admin("admin1");
        given().auth().oauth2(admin).get(LEADS + "/" + lead).then().statusCode(200);
        for (String decision : new String[] {"{\"action\": \"RECEIVE\"}",
                "{\"action\": \"DECLINE\", \"reasonCode\": \"CREDIT_HISTORY\"}"}) {
            decide(admin, lead, decision).statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        // the operation lets in banks only: an administrator learns nothing, not even whether a lead exists
        decide(admin, UUID.randomUUID(), "{\"action\": \"RECEIVE\"}").statusCode(403);
        given().auth().oauth2(Tokens.bank("bank-user", bankId)).get(LEADS + "/" + lead).then()
                .body("status", equalTo("SUBMITTED")).body("history.size()", equalTo(1));
        decide(Tokens.bank("bank-user", bankId), lead, "{\"action\": \"RECEIVE\"}").statusCode(200);
    }

    @Test
    void shouldListLeadsByDueTime() {
        String bankId = TestData.bankUnique("ORD");
        UUID later = lead(bankId, UUID.randomUUID(), Instant.parse("2026-11-25T01:00:00Z"));
        UUID earlier = lead(bankId, UUID.randomUUID(), Instant.parse("2026-11-24T01:00:00Z"));
        given().auth().oauth2(Tokens.bank("u", bankId)).get(LEADS).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(earlier.toString(), later.toString())));
    }

    @Test
    void shouldEscalateAnUnansweredLeadOnceItIsOverdue() {
        String bankId = TestData.bankUnique("OVD");
        String bank = Tokens.bank("bank-user", bankId);
        UUID late = lead(bankId, UUID.randomUUID(), Instant.now().minus(30, ChronoUnit.DAYS));
        UUID answered = lead(bankId, UUID.randomUUID(), Instant.now().minus(30, ChronoUnit.DAYS));
        UUID fresh = lead(bankId, UUID.randomUUID(), Instant.now());
        decide(bank, answered, "{\"action\": \"RECEIVE\"}").statusCode(200);
        given().auth().oauth2(bank).get(LEADS + "/" + late).then().body("overdue", equalTo(true))
                .body("escalated", equalTo(false));
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            overdueCheck.escalate(Instant.now());
            JsonNode event = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.lead.LeadOverdue.v1", late.toString())), "loan-service");
            assertEquals(bankId, event.get("bankId").asText());
            overdueCheck.escalate(Instant.now());
            assertEquals(0, events.seen().stream().filter(TopicProbe.ofTypeAndSubject("finmatch.lead.LeadOverdue.v1",
                    answered.toString()).or(TopicProbe.ofTypeAndSubject("finmatch.lead.LeadOverdue.v1",
                    fresh.toString()))).count());
            assertEquals(1, events.seen().stream().filter(TopicProbe.ofTypeAndSubject(
                    "finmatch.lead.LeadOverdue.v1", late.toString())).count());
        }
        given().auth().oauth2(Tokens.admin("admin1")).get(LEADS + "/" + late).then()
                .body("overdue", equalTo(true)).body("escalated", equalTo(true)).body("escalatedAt", notNullValue());
        given().auth().oauth2(Tokens.admin("admin1")).get(LEADS + "?overdue=true&bankId=" + bankId).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(late.toString()));
        given().auth().oauth2(bank).get(LEADS + "/" + fresh).then().body("overdue", equalTo(false))
                .body("escalated", equalTo(false));
    }

    @Test
    void shouldShowTheEnterpriseProfileOnlyUnderALiveConsentForTheBank() {
        String bankId = TestData.bankUnique("CON");
        String bank = Tokens.bank("bank-user", bankId);
        UUID enterpriseId = UUID.randomUUID();
        TestData.sendEvent("enterprise.events", "finmatch.enterprise.EnterpriseRegistered.v1", "enterprise-service",
                enterpriseId.toString(), """
                        {"enterpriseId": "%s", "ownerSub": "ent-con", "uscc": "91441200MA4UXXXX1X", "name": "肇庆精工",
                         "districtCode": "441202", "sizeClass": "SMALL", "tags": ["HIGH_TECH"], "annualRevenue": 52000000,
                         "version": 0}
                        """.formatted(enterpriseId));
        UUID lead = lead(bankId, enterpriseId, Instant.now());
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("enterprise", nullValue());

        UUID otherBankConsent = UUID.randomUUID();
        TestData.sendEvent("enterprise.events", "finmatch.enterprise.ConsentGranted.v1", "enterprise-service",
                enterpriseId.toString(), consent(enterpriseId, otherBankConsent, "OTHERBANK", "PROFILE"));
        UUID granted = UUID.randomUUID();
        TestData.sendEvent("enterprise.events", "finmatch.enterprise.ConsentGranted.v1", "enterprise-service",
                enterpriseId.toString(), consent(enterpriseId, granted, "*", "PROFILE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(bank).get(LEADS + "/" + lead)
                .then().extract().path("enterprise.name") != null);
        // PROFILE for all banks: the profile without financial figures, and never the owner's user id
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("enterprise.annualRevenue", nullValue())
                .body("enterprise.ownerSub", nullValue()).body("enterprise.districtCode", equalTo("441202"));
        UUID financials = UUID.randomUUID();
        TestData.sendEvent("enterprise.events", "finmatch.enterprise.ConsentGranted.v1", "enterprise-service",
                enterpriseId.toString(), consent(enterpriseId, financials, bankId, "FINANCIALS"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(bank).get(LEADS + "/" + lead)
                .then().extract().path("enterprise.annualRevenue") != null);
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("enterprise.name", equalTo("肇庆精工"));
            JsonNode read = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.lead.EnterpriseProfileRead.v1", lead.toString())), "loan-service");
            assertEquals(enterpriseId.toString(), read.get("enterpriseId").asText());
            assertEquals(bankId, read.get("bankId").asText());
            assertEquals("bank-user", read.get("readBy").asText());
            assertEquals("[\"PROFILE\",\"FINANCIALS\"]", read.get("categories").toString());
        }

        TestData.sendEvent("enterprise.events", "finmatch.enterprise.ConsentRevoked.v1", "enterprise-service",
                enterpriseId.toString(), """
                        {"enterpriseId": "%s", "consentId": "%s", "bankId": "*", "revokedAt": "%s"}
                        """.formatted(enterpriseId, granted, Instant.now()));
        // the FINANCIALS consent alone shows nothing
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(bank).get(LEADS + "/" + lead)
                .then().extract().path("enterprise") == null);
    }

    @Test
    void shouldAnnounceTheProfileReadWhenADecisionAnswersWithTheProfile() {
        String bankId = TestData.bankUnique("DEC");
        String bank = Tokens.bank("bank-user", bankId);
        UUID enterpriseId = UUID.randomUUID();
        UUID lead = consentedLead(bankId, enterpriseId, "\"annualRevenue\": 52000000", "PROFILE");
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(200)
                    .body("enterprise.name", equalTo("肇庆培育企业")).body("enterprise.annualRevenue", nullValue());
            JsonNode read = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.lead.EnterpriseProfileRead.v1", lead.toString())), "loan-service");
            assertEquals(enterpriseId.toString(), read.get("enterpriseId").asText());
            assertEquals(bankId, read.get("bankId").asText());
            assertEquals("bank-user", read.get("readBy").asText());
            assertEquals("[\"PROFILE\"]", read.get("categories").toString());
        }
    }

    @Test
    void shouldShowABankOnlyTheFieldsTheSharedCategoryDefinitionNames() {
        String bankId = TestData.bankUnique("DEF");
        String bank = Tokens.bank("bank-user", bankId);
        // a field that no category names (as a later version of the profile event might carry) is never shown
        UUID lead = consentedLead(bankId, UUID.randomUUID(), "\"annualRevenue\": 52000000, \"internalNote\": \"x\"",
                "PROFILE", "FINANCIALS");
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then().body("enterprise.name", equalTo("肇庆培育企业"))
                .body("enterprise.districtCode", equalTo("441202")).body("enterprise.internalNote", nullValue())
                .body("enterprise.ownerSub", nullValue());
    }

    /**
     * A lead of a new enterprise (profile fields {@code fieldsJson}) whose bank holds one consent per category, once
     * loan-service shows the bank the profile under them.
     */
    private static UUID consentedLead(String bankId, UUID enterpriseId, String fieldsJson, String... categories) {
        TestData.enterpriseRegistered(enterpriseId, "ent-" + bankId, fieldsJson);
        UUID lead = lead(bankId, enterpriseId, Instant.now());
        for (String category : categories) {
            TestData.sendEvent("enterprise.events", "finmatch.enterprise.ConsentGranted.v1", "enterprise-service",
                    enterpriseId.toString(), consent(enterpriseId, UUID.randomUUID(), bankId, category));
        }
        String shownLast = categories[categories.length - 1].equals("FINANCIALS") ? "enterprise.annualRevenue"
                : "enterprise.name";
        String bank = Tokens.bank("bank-user", bankId);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(bank).get(LEADS + "/" + lead)
                .then().extract().path(shownLast) != null);
        return lead;
    }

    private static String consent(UUID enterpriseId, UUID consentId, String bankId, String category) {
        return """
                {"enterpriseId": "%s", "consentId": "%s", "bankId": "%s", "categories": ["%s"],
                 "expiresAt": "%s", "grantedAt": "%s"}
                """.formatted(enterpriseId, consentId, bankId, category, Instant.now().plus(30, ChronoUnit.DAYS),
                Instant.now());
    }

    @Test
    void shouldCloseALeadWhenTheApplicationIsWithdrawn() {
        String bankId = TestData.bankUnique("WDR");
        String bank = Tokens.bank("bank-user", bankId);
        UUID lead = lead(bankId, UUID.randomUUID(), Instant.now());
        TestData.sendEvent("application.events", "finmatch.application.ApplicationWithdrawn.v1", "enterprise-service",
                lead.toString(), """
                        {"applicationId": "%s", "enterpriseId": "%s", "productId": "%s", "bankId": "%s", "at": "%s"}
                        """.formatted(lead, UUID.randomUUID(), UUID.randomUUID(), bankId, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(
                given().auth().oauth2(bank).get(LEADS + "/" + lead).then().extract().path("status")));
        decide(bank, lead, "{\"action\": \"RECEIVE\"}").statusCode(409);
    }

    @Test
    void shouldSendAnUnreadableApplicationEventToTheDeadLetterTopic() {
        try (TopicProbe dlq = TopicProbe.of("application.events.dlq")) {
            UUID key = UUID.randomUUID();
            TestData.sendEvent("application.events", "finmatch.application.ApplicationSubmitted.v1",
                    "enterprise-service", key.toString(), "{\"applicationId\": \"not-a-uuid\"}");
            dlq.await(r -> key.toString().equals(r.key()));
        }
    }
}
