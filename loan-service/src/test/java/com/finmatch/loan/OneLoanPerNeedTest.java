package com.finmatch.loan;

import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One need, one loan: a financing need is disbursed by one bank only; its other leads close. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class OneLoanPerNeedTest {

    private static final String LEADS = "/api/v1/leads";

    /** A lead of {@code bankId} for the financing need {@code needId}, once loan-service has it. */
    private static UUID leadOfNeed(String bankId, UUID enterpriseId, UUID needId) {
        UUID applicationId = UUID.randomUUID();
        TestData.applicationSubmitted(applicationId, enterpriseId, needId, UUID.randomUUID(), bankId, Instant.now());
        String token = Tokens.bank("bank-user", bankId);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(token).get(LEADS + "/" + applicationId).statusCode() == 200);
        return applicationId;
    }

    private static Response decide(String bankId, UUID lead, String body) {
        return given().auth().oauth2(Tokens.bank("bank-user", bankId)).contentType(ContentType.JSON).body(body)
                .when().post(LEADS + "/" + lead + "/decisions");
    }

    private static void approve(String bankId, UUID lead) {
        decide(bankId, lead, "{\"action\": \"RECEIVE\"}").then().statusCode(200);
        decide(bankId, lead, "{\"action\": \"REVIEW\"}").then().statusCode(200);
        decide(bankId, lead, "{\"action\": \"APPROVE\", \"amount\": 3000000, \"rate\": 3.5}").then().statusCode(200);
    }

    private static long disbursedLeadsOf(UUID needId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Lead.count("financingNeedId = ?1 and status = ?2", needId, LeadStatus.DISBURSED));
    }

    @Test
    void shouldRefuseToApproveOrDisburseAnotherLeadOfANeedThatWasDisbursed() {
        UUID enterprise = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        String bankA = TestData.bankUnique("NA");
        String bankB = TestData.bankUnique("NB");
        String bankC = TestData.bankUnique("NC");
        UUID leadA = leadOfNeed(bankA, enterprise, need);
        UUID leadB = leadOfNeed(bankB, enterprise, need);
        UUID leadC = leadOfNeed(bankC, enterprise, need);
        approve(bankA, leadA);
        approve(bankB, leadB);
        decide(bankC, leadC, "{\"action\": \"RECEIVE\"}").then().statusCode(200);
        decide(bankC, leadC, "{\"action\": \"REVIEW\"}").then().statusCode(200);

        decide(bankA, leadA, "{\"action\": \"DISBURSE\"}").then().statusCode(200)
                .body("status", equalTo("DISBURSED"));
        // before enterprise-service has closed the other applications, their banks can no longer lend on the need
        decide(bankB, leadB, "{\"action\": \"DISBURSE\"}").then().statusCode(409)
                .contentType("application/problem+json");
        decide(bankC, leadC, "{\"action\": \"APPROVE\", \"amount\": 1000000, \"rate\": 3.2}").then().statusCode(409)
                .contentType("application/problem+json");
        // declining is still the bank's to do
        decide(bankC, leadC, "{\"action\": \"DECLINE\", \"reasonCode\": \"OTHER\", \"note\": \"已在他行放款\"}")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.bank("bank-user", bankB)).get(LEADS + "/" + leadB).then()
                .body("status", equalTo("APPROVED"));
        assertEquals(1, disbursedLeadsOf(need));

        // a lead of another need of the same enterprise is not affected
        UUID other = leadOfNeed(bankB, enterprise, UUID.randomUUID());
        approve(bankB, other);
        decide(bankB, other, "{\"action\": \"DISBURSE\"}").then().statusCode(200);
    }

    @Test
    void shouldDisburseANeedOnlyOnceWhenTwoBanksDisburseAtTheSameMoment() throws Exception {
        int rounds = 6;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                UUID enterprise = UUID.randomUUID();
                UUID need = UUID.randomUUID();
                String bankA = TestData.bankUnique("RA");
                String bankB = TestData.bankUnique("RB");
                UUID leadA = leadOfNeed(bankA, enterprise, need);
                UUID leadB = leadOfNeed(bankB, enterprise, need);
                approve(bankA, leadA);
                approve(bankB, leadB);

                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (var bankAndLead : List.of(new Object[] {bankA, leadA}, new Object[] {bankB, leadB})) {
                    answers.add(threads.submit(() -> {
                        together.await(20, TimeUnit.SECONDS);
                        return decide((String) bankAndLead[0], (UUID) bankAndLead[1], "{\"action\": \"DISBURSE\"}")
                                .statusCode();
                    }));
                }
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    codes.add(answer.get(60, TimeUnit.SECONDS));
                }
                codes.sort(Integer::compare);
                assertEquals(List.of(200, 409), codes, "round " + round + ": one bank disburses, the other gets 409");
                assertEquals(1, disbursedLeadsOf(need), "round " + round + ": exactly one DISBURSED lead");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldCloseALeadWhenItsApplicationIsClosedBecauseTheNeedWasMetElsewhere() {
        String bankId = TestData.bankUnique("CLS");
        String bank = Tokens.bank("bank-user", bankId);
        UUID enterprise = UUID.randomUUID();
        UUID lead = leadOfNeed(bankId, enterprise, UUID.randomUUID());
        decide(bankId, lead, "{\"action\": \"RECEIVE\"}").then().statusCode(200);
        TestData.sendEvent("application.events", "finmatch.application.ApplicationClosed.v1", "enterprise-service",
                lead.toString(), """
                        {"applicationId": "%s", "enterpriseId": "%s", "financingNeedId": "%s", "productId": "%s",
                         "bankId": "%s", "reasonCode": "NEED_FULFILLED", "at": "%s"}
                        """.formatted(lead, enterprise, UUID.randomUUID(), UUID.randomUUID(), bankId, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(
                given().auth().oauth2(bank).get(LEADS + "/" + lead).then().extract().path("status")));
        given().auth().oauth2(bank).get(LEADS + "/" + lead).then()
                .body("history.status", equalTo(List.of("SUBMITTED", "RECEIVED", "CLOSED")))
                .body("history[2].reasonCode", equalTo("NEED_FULFILLED"));
        decide(bankId, lead, "{\"action\": \"REVIEW\"}").then().statusCode(409);
        decide(bankId, lead, "{\"action\": \"DECLINE\", \"reasonCode\": \"CREDIT_HISTORY\"}").then().statusCode(409);
        given().auth().oauth2(bank).get(LEADS + "?status=CLOSED").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(lead.toString()));
    }
}
