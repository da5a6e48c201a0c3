package com.finmatch.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.openNeed;
import static com.finmatch.enterprise.Fixtures.publishProduct;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static com.finmatch.enterprise.Fixtures.sendLeadStatus;
import static com.finmatch.enterprise.Fixtures.submitApplication;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One need, one loan: a disbursed or withdrawn need closes its other active applications; products not valid today. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class OneNeedOneLoanTest {

    private static final String SOURCE = "enterprise-service";

    @Test
    void shouldCloseTheOtherActiveApplicationsOfANeedWhenOneIsDisbursed() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String productA = publishProduct("ZQRCB");
        String productB = publishProduct("ICBCZQ");
        String productC = publishProduct("CCBZQ");
        String a = submitApplication(owner, needId, productA);
        String b = submitApplication(owner, needId, productB);
        String c = submitApplication(owner, needId, productC);
        String otherNeedsApplication = submitApplication(owner, openNeed(owner, enterpriseId), productB);
        sendLeadStatus(c, productC, "CCBZQ", "DECLINED", Map.of("reasonCode", "CREDIT_HISTORY"));
        sendLeadStatus(b, productB, "ICBCZQ", "RECEIVED");
        Fixtures.awaitApplicationStatus(owner, c, "DECLINED");
        Fixtures.awaitApplicationStatus(owner, b, "RECEIVED");

        try (TopicProbe applications = TopicProbe.of("application.events")) {
            sendLeadStatus(a, productA, "ZQRCB", "APPROVED", Map.of("amount", 3000000, "rate", 3.5));
            sendLeadStatus(a, productA, "ZQRCB", "DISBURSED", Map.of("amount", 3000000));
            Fixtures.awaitApplicationStatus(owner, b, "CLOSED");

            JsonNode closed = EventSchemas.assertValid(applications.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.application.ApplicationClosed.v1", b)), SOURCE);
            assertEquals("NEED_FULFILLED", closed.get("reasonCode").asText());
            assertEquals("ICBCZQ", closed.get("bankId").asText());
            assertEquals(needId, closed.get("financingNeedId").asText());
        }
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + a).then().body("status", equalTo("DISBURSED"));
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + b).then()
                .body("history.status", equalTo(List.of("SUBMITTED", "RECEIVED", "CLOSED")))
                .body("history[2].reasonCode", equalTo("NEED_FULFILLED"));
        // the bank of the closed application sees it closed, with the reason
        as(Tokens.bank(newSubject("banker"), "ICBCZQ")).get("/api/v1/applications/" + b).then()
                .body("status", equalTo("CLOSED")).body("history[2].reasonCode", equalTo("NEED_FULFILLED"));
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + c).then().body("status", equalTo("DECLINED"));
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + otherNeedsApplication).then()
                .body("status", equalTo("SUBMITTED"));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + enterpriseId + "/financing-needs/" + needId)
                .then().body("status", equalTo("FULFILLED"));
        // closed is final: no withdrawal, and a late report of its bank changes nothing
        as(Tokens.enterprise(owner)).post("/api/v1/applications/" + b + "/withdraw").then().statusCode(409);
        sendLeadStatus(b, productB, "ICBCZQ", "UNDER_REVIEW");
        sendLeadStatus(otherNeedsApplication, productB, "ICBCZQ", "RECEIVED"); // a marker behind it
        Fixtures.awaitApplicationStatus(owner, otherNeedsApplication, "RECEIVED");
        as(Tokens.enterprise(owner)).get("/api/v1/applications/" + b).then().body("status", equalTo("CLOSED"));
    }

    @Test
    void shouldCloseTheActiveApplicationsOfANeedThatIsWithdrawn() {
        String owner = newSubject("owner");
        String enterpriseId = registerEnterprise(owner);
        String needId = openNeed(owner, enterpriseId);
        String productA = publishProduct("ZQRCB");
        String productB = publishProduct("ICBCZQ");
        String a = submitApplication(owner, needId, productA);
        String b = submitApplication(owner, needId, productB);
        try (TopicProbe applications = TopicProbe.of("application.events")) {
            as(Tokens.enterprise(owner))
                    .post("/api/v1/enterprises/" + enterpriseId + "/financing-needs/" + needId + "/withdraw")
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            for (String id : List.of(a, b)) {
                as(Tokens.enterprise(owner)).get("/api/v1/applications/" + id).then()
                        .body("status", equalTo("CLOSED"))
                        .body("history.status", equalTo(List.of("SUBMITTED", "CLOSED")))
                        .body("history[1].reasonCode", equalTo("NEED_WITHDRAWN"));
                JsonNode closed = EventSchemas.assertValid(applications.await(TopicProbe.ofTypeAndSubject(
                        "finmatch.application.ApplicationClosed.v1", id)), SOURCE);
                assertEquals("NEED_WITHDRAWN", closed.get("reasonCode").asText());
            }
        }
    }

    @Test
    void shouldAnswer422NamingTheValidityForAProductThatIsNotValidToday() {
        String owner = newSubject("owner");
        String needId = openNeed(owner, registerEnterprise(owner));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String ahead = publishProduct("ZQRCB", today.plusDays(1), today.plusYears(1));
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", ahead))
                .post("/api/v1/applications").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("valid from " + today.plusDays(1) + " until " + today.plusYears(1)));
        String expired = publishProduct("ZQRCB", today.minusYears(1), today.minusDays(1));
        as(Tokens.enterprise(owner)).body(Map.of("financingNeedId", needId, "productId", expired))
                .post("/api/v1/applications").then().statusCode(422)
                .body("detail", containsString("until " + today.minusDays(1)));
        as(Tokens.enterprise(owner)).get("/api/v1/applications/mine").then().body("total", equalTo(0));
        submitApplication(owner, needId, publishProduct("ZQRCB", today, today));
    }
}
