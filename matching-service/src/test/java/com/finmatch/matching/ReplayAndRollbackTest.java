package com.finmatch.matching;

import com.finmatch.matching.service.MatchingService;
import com.finmatch.matching.service.ReadModelUpdater;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A replay that fails midway changes nothing; a transaction that rolls back leaves no trace in recommendations. */
@QuarkusTest
class ReplayAndRollbackTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    DataSource dataSource;

    @Inject
    MatchingService matching;

    @Inject
    ReadModelUpdater updater;

    @Test
    void shouldNotRecommendWhatATransactionThatRolledBackChanged() throws Exception {
        String district = "441284";
        String enterprise = Events.id();
        Events.publishProduct(Events.id(), "BANK-R", district, "3.50", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "NEW_MATERIALS");
        String admin = Tokens.admin("a");
        await().atMost(Duration.ofSeconds(60)).until(() -> exists("select 1 from enterprise_rm where id = '"
                + enterprise + "'"));
        String need = Events.id();
        IncomingEvent opened = new IncomingEvent(Events.id(), "finmatch.enterprise.FinancingNeedOpened.v1",
                "enterprise-service", enterprise, OffsetDateTime.now(ZoneOffset.UTC), JSON.readTree("""
                {"enterpriseId":"%s","needId":"%s","amount":800000,"termMonths":24,"purpose":"EQUIPMENT",
                 "guaranteeTypes":["CREDIT","MORTGAGE"],"maxAnnualRate":5.00,"neededBy":"2027-01-31",
                 "projectId":null,"openedAt":"2026-11-30T08:00:00Z"}""".formatted(enterprise, need)),
                "enterprise.events");

        assertThrows(RuntimeException.class, () -> matching.exclusively(() -> {
            QuarkusTransaction.requiringNew().run(() -> {
                updater.onEnterpriseEvent(opened);
                throw new IllegalStateException("the transaction fails after the engine indexed the need");
            });
            return null;
        }));

        given().auth().oauth2(admin).when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(200).body("recommendations.needId", not(hasItem(need)));
    }

    @Test
    void shouldLeaveTheReadModelsAndRecommendationsAsTheyWereWhenAReplayFailsMidway() throws SQLException {
        String district = "441285";
        String enterprise = Events.id();
        String need = Events.id();
        Events.publishProduct(Events.id(), "BANK-S", district, "3.50", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "NEW_MATERIALS");
        Events.openNeed(enterprise, need, 800_000, "5.00");
        String admin = Tokens.admin("a");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                .when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(200).body("recommendations.needId", hasItem(need)));
        String recommendedBefore = recommendations(admin, enterprise);
        Map<String, String> before = snapshot();

        // the database refuses new rows of need_rm (think: a full disk), but only in the live table
        execute("create function refuse_need_rows() returns trigger language plpgsql as"
                + " $$ begin raise exception 'need_rm refuses rows (test)'; end $$");
        execute("create trigger refuse_need_rows before insert on public.need_rm for each row"
                + " execute function refuse_need_rows()");
        try {
            Response started = given().auth().oauth2(admin).when().post("/api/v1/admin/replay");
            started.then().statusCode(202);
            String job = started.jsonPath().getString("jobId");
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().auth().oauth2(admin)
                    .when().get("/api/v1/admin/replay/" + job).then().statusCode(200).body("state", equalTo("FAILED")));
        } finally {
            execute("drop trigger refuse_need_rows on public.need_rm");
            execute("drop function refuse_need_rows()");
        }

        assertEquals(before, snapshot(), "a failed replay changed the read models");
        assertEquals(recommendedBefore, recommendations(admin, enterprise));
    }

    private static String recommendations(String admin, String enterprise) {
        return given().auth().oauth2(admin).when().get("/api/v1/recommendations/enterprises/" + enterprise)
                .then().statusCode(200).extract().jsonPath().getList("recommendations").toString()
                .replaceAll("asOf=[^,}]*", "");
    }

    private boolean exists(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Map<String, String> snapshot() throws SQLException {
        return ReadModelSnapshot.of(dataSource);
    }
}
