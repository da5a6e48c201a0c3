package com.finmatch.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.EnterpriseReplica;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lead's message thread between its bank and the enterprise that applied (issue 15 §2). */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class LeadMessageTest {

    private static final String LEADS = "/api/v1/leads";
    private static final String POSTED = "finmatch.lead.LeadMessagePosted.v1";

    /** A lead of bank {@code bankId} applied for by a new enterprise of user {@code ownerSub}, known to loan-service. */
    private static UUID leadOf(String bankId, String ownerSub) {
        UUID enterpriseId = registered(ownerSub);
        return LeadFlowTest.lead(bankId, enterpriseId, Instant.now());
    }

    private static UUID registered(String ownerSub) {
        UUID enterpriseId = UUID.randomUUID();
        TestData.enterpriseRegistered(enterpriseId, ownerSub, "\"employees\": 20");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnterpriseReplica.count("enterpriseId", enterpriseId)) == 1);
        return enterpriseId;
    }

    private static ValidatableResponse post(String token, UUID lead, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .when().post(LEADS + "/" + lead + "/messages").then();
    }

    private static ValidatableResponse read(String token, UUID lead) {
        return given().auth().oauth2(token).when().get(LEADS + "/" + lead + "/messages").then();
    }

    private static String body(String text) {
        return "{\"body\": \"" + text + "\"}";
    }

    @Test
    void theBankAndTheApplyingEnterprisePostAndBothReadTheThreadOldestFirst() {
        String bankId = TestData.bankUnique("MSG");
        String owner = "ent-msg-" + UUID.randomUUID();
        UUID lead = leadOf(bankId, owner);
        String bank = Tokens.bank("bank-user", bankId);
        String enterprise = Tokens.enterprise(owner);

        post(bank, lead, body("请问贵司近三年的纳税情况如何？")).statusCode(201)
                .header("Location", notNullValue())
                .body("applicationId", equalTo(lead.toString())).body("authorRole", equalTo("BANK"))
                .body("authorName", equalTo(bankId)).body("body", equalTo("请问贵司近三年的纳税情况如何？"))
                .body("id", notNullValue()).body("postedAt", notNullValue());
        post(enterprise, lead, "{\"body\": \"  每年按时足额纳税，\\n证明已上传。  \"}").statusCode(201)
                .body("authorRole", equalTo("ENTERPRISE")).body("authorName", equalTo("申请企业"))
                .body("body", equalTo("每年按时足额纳税，\n证明已上传。"));

        for (String reader : List.of(bank, enterprise, Tokens.admin("admin1"), Tokens.financeBureau("fin1"))) {
            read(reader, lead).statusCode(200).body("total", equalTo(2))
                    .body("items.authorRole", equalTo(List.of("BANK", "ENTERPRISE")))
                    .body("items[1].body", equalTo("每年按时足额纳税，\n证明已上传。"));
        }
    }

    @Test
    void eachPostIsAnnouncedOnLeadEventsWithAnExcerptOfItsFirst140Characters() {
        String bankId = TestData.bankUnique("MSE");
        String owner = "ent-mse-" + UUID.randomUUID();
        UUID enterpriseId = registered(owner);
        UUID lead = LeadFlowTest.lead(bankId, enterpriseId, Instant.now());
        String text = "材".repeat(100) + "料".repeat(100);
        try (TopicProbe events = TopicProbe.of("lead.events")) {
            String messageId = post(Tokens.enterprise(owner), lead, body(text)).statusCode(201)
                    .extract().path("id");
            JsonNode event = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(POSTED,
                    lead.toString())), "loan-service");
            assertEquals(lead.toString(), event.get("applicationId").asText());
            assertEquals(bankId, event.get("bankId").asText());
            assertEquals(enterpriseId.toString(), event.get("enterpriseId").asText());
            assertEquals(messageId, event.get("messageId").asText());
            assertEquals("ENTERPRISE", event.get("authorRole").asText());
            assertEquals("材".repeat(100) + "料".repeat(40), event.get("excerpt").asText());
            assertEquals(read(Tokens.bank("bank-user", bankId), lead).extract().path("items[0].postedAt"),
                    event.get("postedAt").asText());
        }
    }

    @Test
    void anotherBankAnotherEnterpriseAndAnUnknownLeadAre404AndNothingIsStored() {
        String bankId = TestData.bankUnique("MSB");
        String owner = "ent-msb-" + UUID.randomUUID();
        UUID lead = leadOf(bankId, owner);
        String otherOwner = "ent-msb-other-" + UUID.randomUUID();
        registered(otherOwner);
        List<String> strangers = List.of(Tokens.bank("bank-user", TestData.bankUnique("MSX")),
                Tokens.enterprise(otherOwner), Tokens.enterprise("ent-without-enterprise-" + UUID.randomUUID()));
        for (String stranger : strangers) {
            read(stranger, lead).statusCode(404).contentType("application/problem+json");
            post(stranger, lead, body("让我看看")).statusCode(404).contentType("application/problem+json");
        }
        post(Tokens.bank("bank-user", bankId), UUID.randomUUID(), body("有人吗")).statusCode(404);
        read(Tokens.enterprise(owner), UUID.randomUUID()).statusCode(404);
        // overseers read but do not post; other roles neither
        post(Tokens.admin("admin1"), lead, body("管理员留言")).statusCode(403);
        post(Tokens.financeBureau("fin1"), lead, body("金融局留言")).statusCode(403);
        read(Tokens.auditor("audit1"), lead).statusCode(403);
        given().when().get(LEADS + "/" + lead + "/messages").then().statusCode(401);
        read(Tokens.bank("bank-user", bankId), lead).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anEmptyBlankMissingOrTooLongMessageIsA400ProblemNamingTheBody() {
        String bankId = TestData.bankUnique("MSV");
        UUID lead = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        String bank = Tokens.bank("bank-user", bankId);
        for (String bad : List.of(body(""), body("   "), "{}", "{\"body\": null}", body("x".repeat(2001)),
                "{\"body\": 42}")) {
            post(bank, lead, bad).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("body"));
        }
        post(bank, lead, "").statusCode(400).contentType("application/problem+json");
        read(bank, lead).statusCode(200).body("total", equalTo(0));
        post(bank, lead, body("x".repeat(2000))).statusCode(201);
    }

    @Test
    void aThreadStaysOpenForThirtyDaysAfterTheLeadEndedAndIsReadOnlyAfter() {
        String bankId = TestData.bankUnique("MSC");
        String bank = Tokens.bank("bank-user", bankId);
        UUID recent = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now());
        UUID old = LeadFlowTest.lead(bankId, UUID.randomUUID(), Instant.now().minus(40, ChronoUnit.DAYS));
        withdrawn(recent, Instant.now().minus(29, ChronoUnit.DAYS));
        withdrawn(old, Instant.now().minus(31, ChronoUnit.DAYS));
        post(bank, recent, body("撤回的原因是什么？")).statusCode(201);
        post(bank, old, body("还需要贷款吗？")).statusCode(409).contentType("application/problem+json");
        read(bank, old).statusCode(200).body("total", equalTo(0));
    }

    private static void withdrawn(UUID lead, Instant at) {
        TestData.sendEvent("application.events", "finmatch.application.ApplicationWithdrawn.v1", "enterprise-service",
                lead.toString(), "{\"applicationId\": \"%s\", \"at\": \"%s\"}".formatted(lead, at));
        String token = Tokens.admin("admin1");
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(
                given().auth().oauth2(token).get(LEADS + "/" + lead).then().extract().path("status")));
    }
}
