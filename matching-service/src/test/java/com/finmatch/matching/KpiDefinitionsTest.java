package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Each KPI means what the README's sentence says (issue 11 §4 and the subsidy of §1), over events as the other
 * services send them. Every test works on a bank or district of its own, so the totals are its own.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class KpiDefinitionsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    private static String code(String prefix) {
        return prefix + "-" + Events.id().substring(0, 8);
    }

    private static ValidatableResponse summary(Map<String, String> query) {
        return given().auth().oauth2(Tokens.admin("admin-1")).queryParams(query).when().get("/api/v1/stats/summary")
                .then().statusCode(200);
    }

    private static void submitted(String application, String enterprise, String product, String bank) {
        Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":null,"productId":"%s","bankId":"%s",
                 "amount":500000,"termMonths":12,"submittedAt":"%s"}"""
                .formatted(application, enterprise, product, bank, OffsetDateTime.now(ZoneOffset.UTC).minusHours(3)));
    }

    /** A LeadStatusChanged as loan-service sends it; {@code extra} are more JSON members (may be empty). */
    private static void lead(String application, String product, String bank, String status, String submittedAt,
            String at, String extra) {
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","status":"%s",
                 "previousStatus":"SUBMITTED","at":"%s","dueAt":"%s","submittedAt":"%s"%s}"""
                .formatted(application, product, bank, Events.id(), status, at,
                        OffsetDateTime.parse(submittedAt).plusDays(30), submittedAt, extra));
    }

    private String sqlText(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void shouldCountAMatchMadeInThePeriodEvenAfterItLeftTheTopList() throws SQLException {
        String district = code("D-MM");
        String bank = code("BK-MM");
        String enterprise = Events.id();
        String need = Events.id();
        Events.publishProduct(Events.id(), bank, district, "3.50", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "NEV");
        Events.openNeed(enterprise, need, 800_000, "5.00");
        await().atMost(WAIT).untilAsserted(() -> summary(Map.of("bankId", bank)).body("total.matches", equalTo(1)));

        Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedWithdrawn.v1", """
                {"enterpriseId":"%s","needId":"%s","at":"%s"}""".formatted(enterprise, need,
                OffsetDateTime.now(ZoneOffset.UTC)));
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(
                sqlText("select status from need_rm where id = cast(? as uuid)", need)));
        given().auth().oauth2(Tokens.admin("admin-1")).when().get("/api/v1/matches?district=" + district)
                .then().statusCode(200).body("items", empty());

        summary(Map.of("bankId", bank)).body("total.matches", equalTo(1)).body("total.openNeeds", equalTo(0));
        String today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString();
        summary(Map.of("bankId", bank, "from", today, "to", today)).body("total.matches", equalTo(1));
        summary(Map.of("bankId", bank, "from", "2099-01-01")).body("total.matches", equalTo(0));
    }

    @Test
    void shouldNotCountAnApplicationWithdrawnBeforeTheBanksFirstActionAsARefusal() {
        String bank = code("BK-WD");
        String product = Events.id();
        String received = Events.id();
        String withdrawn = Events.id();
        String enterprise = Events.id();
        submitted(received, enterprise, product, bank);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        lead(received, product, bank, "RECEIVED", now.minusHours(3).toString(), now.minusHours(1).toString(), "");
        submitted(withdrawn, enterprise, product, bank);
        Events.send("application.events", withdrawn, "finmatch.application.ApplicationWithdrawn.v1", """
                {"applicationId":"%s","enterpriseId":"%s","productId":"%s","bankId":"%s","at":"%s"}"""
                .formatted(withdrawn, enterprise, product, bank, now.minusHours(2)));

        await().atMost(WAIT).untilAsserted(() -> summary(Map.of("bankId", bank))
                .body("total.applications", equalTo(2))
                .body("total.acceptanceRate", equalTo(100.0f))
                .body("total.overdueLeads", equalTo(0)));
    }

    @Test
    void shouldNotCountAnApplicationClosedBeforeTheBanksFirstActionAsARefusal() {
        String bank = code("BK-CL");
        String product = Events.id();
        String received = Events.id();
        String closed = Events.id();
        String enterprise = Events.id();
        submitted(received, enterprise, product, bank);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        lead(received, product, bank, "RECEIVED", now.minusHours(3).toString(), now.minusHours(1).toString(), "");
        submitted(closed, enterprise, product, bank);
        // the need was met by another bank's loan before this bank acted: no refusal, no late answer
        Events.send("application.events", closed, "finmatch.application.ApplicationClosed.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"%s",
                 "reasonCode":"NEED_FULFILLED","at":"%s"}"""
                .formatted(closed, enterprise, Events.id(), product, bank, now.minusHours(2)));

        await().atMost(WAIT).untilAsserted(() -> summary(Map.of("bankId", bank))
                .body("total.applications", equalTo(2))
                .body("total.acceptanceRate", equalTo(100.0f))
                .body("total.overdueLeads", equalTo(0)));
    }

    @Test
    void shouldMeasureResponseTimesInTheWorkingHoursLoanServiceComputed() {
        String bank = code("BK-WH");
        String product = Events.id();
        // submitted Friday 2026-11-27 10:00 in China, first action Monday 10:00: 72 clock hours, 24 working hours
        lead(Events.id(), product, bank, "RECEIVED", "2026-11-27T02:00:00Z", "2026-11-30T02:00:00Z",
                ",\"responseWorkingHours\":24.0");
        // an event of a version that sent no working-hours figure: left out rather than guessed in clock hours
        lead(Events.id(), product, bank, "RECEIVED", "2026-11-26T02:00:00Z", "2026-11-26T04:00:00Z", "");

        await().atMost(WAIT).untilAsserted(() -> summary(Map.of("bankId", bank))
                .body("total.applications", equalTo(2))
                .body("total.medianResponseHours", equalTo(24.0f))
                .body("total.p90ResponseHours", equalTo(24.0f)));
    }

    @Test
    void shouldWeightTheAverageApprovedRateByTheApprovedAmount() {
        String bank = code("BK-RT");
        String product = Events.id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String submittedAt = now.minusDays(2).toString();
        lead(Events.id(), product, bank, "APPROVED", submittedAt, now.minusHours(2).toString(),
                ",\"amount\":1000000,\"rate\":3.00");
        lead(Events.id(), product, bank, "APPROVED", submittedAt, now.minusHours(1).toString(),
                ",\"amount\":100000,\"rate\":5.00");

        // (3.00 × 1,000,000 + 5.00 × 100,000) / 1,100,000 = 3.18; the mean of the two rates would be 4.00
        await().atMost(WAIT).untilAsserted(() -> summary(Map.of("bankId", bank))
                .body("total.amountApproved", equalTo(1100000.0f))
                .body("total.averageApprovedRate", equalTo(3.18f))
                .body("total.averageRateVsLprBps", equalTo(18)));
    }

    @Test
    void shouldCountTheNeedsOpenAtTheEndOfThePeriod() throws SQLException {
        String district = code("D-ON");
        String enterprise = Events.id();
        String need = Events.id();
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "NEV");
        Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedOpened.v1", """
                {"enterpriseId":"%s","needId":"%s","amount":300000,"termMonths":12,"purpose":"EQUIPMENT",
                 "guaranteeTypes":["CREDIT"],"maxAnnualRate":5.0,"neededBy":"2026-12-31","projectId":null,
                 "openedAt":"2026-01-10T00:00:00Z"}""".formatted(enterprise, need));
        Events.send("enterprise.events", enterprise, "finmatch.enterprise.FinancingNeedWithdrawn.v1", """
                {"enterpriseId":"%s","needId":"%s","at":"2026-03-10T00:00:00Z"}""".formatted(enterprise, need));
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(
                sqlText("select status from need_rm where id = cast(? as uuid)", need)));
        await().atMost(WAIT).until(() -> sqlText("select id from enterprise_rm where id = cast(? as uuid)",
                enterprise) != null);

        summary(Map.of("district", district, "from", "2026-02-01", "to", "2026-02-28"))
                .body("total.openNeeds", equalTo(1));
        summary(Map.of("district", district, "from", "2026-03-01", "to", "2026-03-31"))
                .body("total.openNeeds", equalTo(0));
        summary(Map.of("district", district, "from", "2025-12-01", "to", "2025-12-31"))
                .body("total.openNeeds", equalTo(0));
    }

    @Test
    void shouldCountTheSubsidyUnderTheToolTermsInForceAtTheDisbursement() throws SQLException {
        String bank = code("BK-SB");
        String tool = Events.id();
        String product = Events.id();
        String application = Events.id();
        policyTool(tool, "1.00");
        Events.send("product.events", product, "finmatch.product.ProductPublished.v1",
                Events.product(product, bank, code("D-SB"), "3.50", 1, "PUBLISHED")
                        .replace("\"policyToolIds\":[]", "\"policyToolIds\":[\"" + tool + "\"]"));
        await().atMost(WAIT).until(() -> sqlText("select id from product_rm where id = cast(? as uuid)", product)
                != null && sqlText("select payload from policy_tool_rm where id = cast(? as uuid)", tool) != null);
        OffsetDateTime disbursedAt = OffsetDateTime.now(ZoneOffset.UTC);
        lead(application, product, bank, "DISBURSED", disbursedAt.minusDays(3).toString(), disbursedAt.toString(),
                ",\"amount\":1000000");
        await().atMost(WAIT).until(() -> OffsetDateTime.now(ZoneOffset.UTC).isAfter(disbursedAt));
        policyTool(tool, "2.00"); // the subsidy doubles after the loan was made
        await().atMost(WAIT).until(() -> sqlText("select payload from policy_tool_rm where id = cast(? as uuid)", tool)
                .contains("2.0") && sqlText("select status from application_rm where id = cast(? as uuid)",
                application) != null);

        summary(Map.of("bankId", bank)).body("total.subsidisedLoans", equalTo(1))
                .body("total.subsidyAnnualAmount", equalTo(10000.0f));
    }

    private static void policyTool(String id, String subsidyRate) {
        Events.send("product.events", id, "finmatch.product.PolicyToolChanged.v1", """
                {"policyToolId":"%s","kind":"INTEREST_SUBSIDY","name":"科技贷贴息","subsidyRate":%s,
                 "coverageShare":null,"poolSize":0,"exposureUsed":0,"perEnterpriseCap":null,"active":true}"""
                .formatted(id, subsidyRate));
    }

    // ------------------------------------------------------------------------------------------------ scorecards

    @Test
    void shouldListTheBanksScorecardsAPageAtATime() {
        String bank = code("BK-PG");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        lead(Events.id(), Events.id(), bank, "RECEIVED", now.minusHours(8).toString(), now.minusHours(2).toString(),
                ",\"responseWorkingHours\":3");
        String admin = Tokens.admin("admin-1");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).when().get("/api/v1/scorecards/banks")
                .then().statusCode(200).body("items.bankId", hasItem(bank)));
        int total = given().auth().oauth2(admin).queryParam("size", 1).when().get("/api/v1/scorecards/banks")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1)).body("items.size()", equalTo(1))
                .extract().path("total");
        given().auth().oauth2(admin).queryParam("page", total).queryParam("size", 1)
                .when().get("/api/v1/scorecards/banks")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(total));
        given().auth().oauth2(admin).queryParam("size", 201).when().get("/api/v1/scorecards/banks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldGiveABankItsOwnScorecardAndNoOneElseAny() {
        String bank = code("BK-SC");
        String other = code("BK-SC");
        String product = Events.id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        lead(Events.id(), product, bank, "RECEIVED", now.minusHours(8).toString(), now.minusHours(2).toString(),
                ",\"responseWorkingHours\":5.5");
        lead(Events.id(), Events.id(), other, "DECLINED", now.minusHours(8).toString(), now.minusHours(1).toString(),
                ",\"reasonCode\":\"OTHER\",\"note\":\"x\",\"responseWorkingHours\":7");
        String token = Tokens.bank("bank-user", bank);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(200)
                .body("bankId", equalTo(bank))
                .body("leads", equalTo(1))
                .body("acceptanceRate", equalTo(100.0f))
                .body("medianResponseHours", equalTo(5.5f))
                .body("overdueLeads", equalTo(0)));
        given().auth().oauth2(Tokens.bank("bank-user", "NO-LEADS-" + bank)).when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(200).body("leads", equalTo(0));

        given().auth().oauth2(Tokens.admin("admin-1")).when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise("user-a")).when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("b", List.of("bank"), Map.of())).when().get("/api/v1/scorecards/banks/me")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/scorecards/banks/me").then().statusCode(401);
        given().auth().oauth2(token).when().get("/api/v1/scorecards/banks").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/v1/scorecards/banks/me?from=soon")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
    }
}
