package com.finmatch.notification;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events on the real broker → the inbox → notifications in the real database → each user's inbox over the API: who
 * sees what, read state per user, nothing twice, nothing of another audience (BOLA).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class NotificationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static JsonPath mine(String token) {
        return given().auth().oauth2(token).queryParam("size", 200).when().get("/api/v1/notifications/mine")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> items(String token, String kind) {
        return mine(token).<Map<String, Object>>getList("items").stream().filter(i -> kind.equals(i.get("kind")))
                .toList();
    }

    static long unread(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/notifications/mine/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    static String bankId() {
        return "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An enterprise its owner registered, already known to the service. */
    static String enterprise(String owner) {
        String enterpriseId = Events.id();
        Events.registerEnterprise(enterpriseId, owner, "肇庆测试企业 " + enterpriseId.substring(0, 4));
        return enterpriseId;
    }

    @Test
    void shouldTellEveryOfficerOfTheBankOfANewLeadAndNobodyElse() {
        String bank = bankId();
        String owner = "owner-" + Events.id();
        String enterpriseId = enterprise(owner);
        String applicationId = Events.id();
        Events.submitApplication(applicationId, enterpriseId, bank);

        String officer1 = Tokens.bank("o1-" + Events.id(), bank);
        String officer2 = Tokens.bank("o2-" + Events.id(), bank);
        await().atMost(WAIT).until(() -> items(officer1, "LEAD_RECEIVED").size() == 1);
        Map<String, Object> n = items(officer1, "LEAD_RECEIVED").get(0);
        assertEquals("新的融资申请 / New lead", n.get("title"));
        assertEquals("/bank/leads/" + applicationId, n.get("link"));
        assertEquals(false, n.get("read"));
        // the enterprise's name when enterprise.events (consumed side by side) has told it already; the amount always
        assertTrue(n.get("body").toString().contains("提交了融资申请，金额 800000 元"), n.get("body").toString());
        assertEquals(1, items(officer2, "LEAD_RECEIVED").size());
        assertEquals(List.of(), items(Tokens.bank("o3-" + Events.id(), bankId()), "LEAD_RECEIVED"));
        assertEquals(List.of(), mine(Tokens.enterprise(owner)).getList("items"));
    }

    @Test
    void shouldTellTheOwnerOfADeclineWithItsReasonButNotOfTheBanksAcknowledgement() {
        String bank = bankId();
        String owner = "owner-" + Events.id();
        String enterpriseId = enterprise(owner);
        String applicationId = Events.id();
        Events.leadStatus(applicationId, enterpriseId, bank, "RECEIVED", "SUBMITTED", null, null);
        Events.leadStatus(applicationId, enterpriseId, bank, "DECLINED", "RECEIVED", "INSUFFICIENT_COLLATERAL",
                "请提供抵押物");

        String token = Tokens.enterprise(owner);
        await().atMost(WAIT).until(() -> items(token, "LEAD_STATUS_CHANGED").size() == 1);
        Map<String, Object> n = items(token, "LEAD_STATUS_CHANGED").get(0);
        assertEquals("融资申请未通过 / Application declined", n.get("title"));
        assertTrue(n.get("body").toString().contains("INSUFFICIENT_COLLATERAL"), n.get("body").toString());
        assertTrue(n.get("body").toString().contains("请提供抵押物"), n.get("body").toString());
        assertEquals("/enterprise/applications", n.get("link"));
        assertEquals(1, mine(token).getInt("total"), "RECEIVED told the owner nothing");
    }

    @Test
    void shouldStoreOneNotificationWhenTheSameEventIsDeliveredTwice() {
        String bank = bankId();
        String owner = "owner-" + Events.id();
        String enterpriseId = enterprise(owner);
        String applicationId = Events.id();
        String ceId = Events.id();
        String json = Events.applicationSubmittedJson(applicationId, enterpriseId, bank);
        Events.send("application.events", applicationId, "finmatch.application.ApplicationSubmitted.v1", json, ceId);
        Events.send("application.events", applicationId, "finmatch.application.ApplicationSubmitted.v1", json, ceId);
        // a later event of the same application (same key, same partition): once it is told, both copies were handled
        Events.send("application.events", applicationId, "finmatch.application.ApplicationClosed.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"%s",
                 "reasonCode":"NEED_WITHDRAWN","at":"2026-12-01T10:00:00Z"}""".formatted(applicationId, enterpriseId,
                Events.id(), Events.id(), bank));

        await().atMost(WAIT).until(() -> items(Tokens.enterprise(owner), "LEAD_STATUS_CHANGED").size() == 1);
        assertEquals(1, items(Tokens.bank("o-" + Events.id(), bank), "LEAD_RECEIVED").size());
    }

    @Test
    void shouldTellTheBankOfEachOverdueAlarmAndTheAdministratorsOnceWithTheBankAndHowLate() {
        String bank = bankId();
        String enterpriseId = enterprise("owner-" + Events.id());
        String applicationId = Events.id();
        Events.leadOverdue(applicationId, enterpriseId, bank, 5);
        Events.leadOverdue(applicationId, enterpriseId, bank, 29);

        String officer = Tokens.bank("o-" + Events.id(), bank);
        await().atMost(WAIT).until(() -> items(officer, "LEAD_OVERDUE").size() == 2);
        List<Map<String, Object>> escalations = items(Tokens.admin("admin-" + Events.id()), "LEAD_OVERDUE_ESCALATION")
                .stream().filter(i -> i.get("body").toString().contains(bank)).toList();
        assertEquals(1, escalations.size(), "one escalation per lead");
        assertTrue(escalations.get(0).get("body").toString().contains("5 小时"), escalations.get(0).toString());
        assertEquals(List.of(), items(officer, "LEAD_OVERDUE_ESCALATION"), "the bank is not an administrator");
    }

    @Test
    void shouldTellTheOtherSideOfEachMessageOnALeadOnceAndNeverTheAuthor() {
        String bank = bankId();
        String owner = "owner-" + Events.id();
        String enterpriseId = enterprise(owner);
        String applicationId = Events.id();
        Events.leadMessage(applicationId, enterpriseId, bank, "ENTERPRISE", "营业执照已上传");
        String bankMessage = Events.leadMessageJson(applicationId, enterpriseId, bank, "BANK", "请补充银行流水");
        String ceId = Events.id();
        Events.send("lead.events", applicationId, "finmatch.lead.LeadMessagePosted.v1", bankMessage, ceId);
        Events.send("lead.events", applicationId, "finmatch.lead.LeadMessagePosted.v1", bankMessage, ceId);
        // a later message of the same lead (same key, same partition): once it is told, both copies were handled
        Events.leadMessage(applicationId, enterpriseId, bank, "ENTERPRISE", "流水已上传");

        String officer1 = Tokens.bank("o1-" + Events.id(), bank);
        String officer2 = Tokens.bank("o2-" + Events.id(), bank);
        await().atMost(WAIT).until(() -> items(officer1, "LEAD_MESSAGE").size() == 2);
        List<Map<String, Object>> toBank = items(officer1, "LEAD_MESSAGE");
        assertTrue(toBank.stream().anyMatch(i -> i.get("body").toString().contains("「流水已上传」")), toBank.toString());
        Map<String, Object> first = toBank.stream()
                .filter(i -> i.get("body").toString().contains("「营业执照已上传」")).findFirst().orElseThrow();
        assertEquals("新留言 / New message", first.get("title"));
        assertEquals("/bank/leads/" + applicationId + "/messages", first.get("link"));
        assertEquals(2, items(officer2, "LEAD_MESSAGE").size());
        assertEquals(List.of(), items(officer1, "LEAD_MESSAGE").stream()
                .filter(i -> i.get("body").toString().contains("请补充银行流水")).toList(), "the bank's own message");
        assertEquals(List.of(), items(Tokens.bank("o3-" + Events.id(), bankId()), "LEAD_MESSAGE"));

        List<Map<String, Object>> toOwner = items(Tokens.enterprise(owner), "LEAD_MESSAGE");
        assertEquals(1, toOwner.size(), "the bank's message once, the enterprise's own messages never: " + toOwner);
        assertTrue(toOwner.get(0).get("body").toString().contains("银行 " + bank + " 就您的融资申请留言：「请补充银行流水」"),
                toOwner.toString());
        assertEquals("/enterprise/applications/" + applicationId + "/messages", toOwner.get(0).get("link"));
        assertEquals(List.of(), items(Tokens.enterprise("e-" + Events.id()), "LEAD_MESSAGE"));
    }

    @Test
    void shouldDeadLetterAMessageOfAnUnknownAuthorAndTellNobody() {
        String bank = bankId();
        String enterpriseId = enterprise("owner-" + Events.id());
        String applicationId = Events.id();
        try (TopicProbe dlq = TopicProbe.of("lead.events.dlq")) {
            Events.leadMessage(applicationId, enterpriseId, bank, "ADMIN", "谁在说话");
            ConsumerRecord<String, String> dead = dlq.await(r -> applicationId.equals(r.key()), WAIT);
            assertEquals("finmatch.lead.LeadMessagePosted.v1", TopicProbe.header(dead, "ce_type"));
        }
        assertEquals(List.of(), items(Tokens.bank("o-" + Events.id(), bank), "LEAD_MESSAGE"));
    }

    @Test
    void shouldKeepReadStatePerUserAndLetNoOtherUserOrBankMarkANotificationRead() {
        String bank = bankId();
        String enterpriseId = enterprise("owner-" + Events.id());
        Events.submitApplication(Events.id(), enterpriseId, bank);
        Events.submitApplication(Events.id(), enterpriseId, bank);
        String officer1 = Tokens.bank("o1-" + Events.id(), bank);
        String officer2 = Tokens.bank("o2-" + Events.id(), bank);
        await().atMost(WAIT).until(() -> unread(officer1) == 2);
        String id = mine(officer1).getString("items[0].id");

        for (String stranger : List.of(Tokens.bank("x-" + Events.id(), bankId()),
                Tokens.enterprise("e-" + Events.id()), Tokens.admin("a-" + Events.id()))) {
            given().auth().oauth2(stranger).when().post("/api/v1/notifications/" + id + "/read")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(officer1).when().post("/api/v1/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404);
        assertEquals(2, unread(officer1), "a stranger's attempt changed nothing");

        given().auth().oauth2(officer1).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(officer1).when().post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        assertEquals(1, unread(officer1));
        assertEquals(2, unread(officer2), "read by one officer, still unread for the other");
        assertTrue(mine(officer1).<Map<String, Object>>getList("items").stream()
                .anyMatch(i -> id.equals(i.get("id")) && Boolean.TRUE.equals(i.get("read"))));

        given().auth().oauth2(officer2).when().post("/api/v1/notifications/mine/read-all").then().statusCode(204);
        assertEquals(0, unread(officer2));
        assertEquals(1, unread(officer1));
    }

    @Test
    void shouldListNewestFirstInPages() {
        String bank = bankId();
        String enterpriseId = enterprise("owner-" + Events.id());
        String first = Events.id();
        String second = Events.id();
        Events.submitApplication(first, enterpriseId, bank);
        String officer = Tokens.bank("o-" + Events.id(), bank);
        await().atMost(WAIT).until(() -> unread(officer) == 1);
        Events.submitApplication(second, enterpriseId, bank);
        await().atMost(WAIT).until(() -> unread(officer) == 2);

        given().auth().oauth2(officer).queryParam("page", 0).queryParam("size", 1)
                .when().get("/api/v1/notifications/mine")
                .then().statusCode(200).body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("items[0].link", equalTo("/bank/leads/" + second));
        given().auth().oauth2(officer).queryParam("page", 1).queryParam("size", 1)
                .when().get("/api/v1/notifications/mine")
                .then().statusCode(200).body("items[0].link", equalTo("/bank/leads/" + first));
    }

    @Test
    void shouldRefuseCallersWithoutATokenAndBadPaging() {
        given().when().get("/api/v1/notifications/mine").then().statusCode(401);
        given().when().post("/api/v1/notifications/mine/read-all").then().statusCode(401);
        given().auth().oauth2(Tokens.enterprise("u-" + Events.id())).queryParam("size", 0)
                .when().get("/api/v1/notifications/mine")
                .then().statusCode(400).contentType("application/problem+json");
        assertFalse(given().auth().oauth2(Tokens.enterprise("u-" + Events.id())).when()
                .post("/api/v1/notifications/not-a-uuid/read").then().extract().statusCode() >= 500);
    }
}
