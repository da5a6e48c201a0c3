package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KPI series (issue 16 §1): the monthly series of a bank's leads, fed through Kafka, equals the hand-computed
 * {@link KpiFixture#EXPECTED}, and a past month's figures stay as they were when later events arrive.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class KpiSeriesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** January to March 2026 in China's calendar. */
    private static final Map<String, String> Q1 = Map.of("from", "2026-01-01T00:00:00+08:00",
            "to", "2026-04-01T00:00:00+08:00");

    static ValidatableResponse series(Map<String, String> query) {
        return given().auth().oauth2(Tokens.admin("admin-1")).queryParams(query).when().get("/api/v1/stats/series")
                .then().statusCode(200);
    }

    private static Map<String, Map<String, String>> totals(String bank, Map<String, String> period) {
        Map<String, String> query = new LinkedHashMap<>(period);
        query.put("bankId", bank);
        List<Map<String, Object>> points = series(query).extract().jsonPath().getList("points");
        Map<String, Map<String, String>> byLabel = new LinkedHashMap<>();
        for (Map<String, Object> point : points) {
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) point.get("total");
            Map<String, String> values = new LinkedHashMap<>();
            KpiFixture.FIELDS.forEach(f -> values.put(f, new BigDecimal(total.get(f).toString()).stripTrailingZeros()
                    .toPlainString()));
            byLabel.put((String) point.get("label"), values);
        }
        return byLabel;
    }

    private static Map<String, String> plain(Map<String, String> expected) {
        Map<String, String> m = new LinkedHashMap<>();
        expected.forEach((k, v) -> m.put(k, new BigDecimal(v).stripTrailingZeros().toPlainString()));
        return m;
    }

    @Test
    void shouldEqualTheHandComputedSeriesAndKeepAPastMonthWhenLaterEventsArrive() {
        KpiFixture fixture = new KpiFixture();
        fixture.january();
        Map<String, String> january = plain(KpiFixture.EXPECTED.get("2026-01"));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(january, totals(fixture.bank, Q1).get("2026-01")));

        fixture.februaryAndMarch();
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> march = totals(fixture.bank, Q1).get("2026-03");
            assertEquals("500000", march.get("amountApproved"));
            assertEquals("100", march.get("creditLoanShare")); // the product's type (another topic) is known too
        });
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            expected.put(month, plain(KpiFixture.EXPECTED.get(month)));
        }
        assertEquals(expected, totals(fixture.bank, Q1));

        // today's state of January's leads differs from January's figures: A1 has been approved since
        summary(fixture.bank, "2026-01-01T00:00:00+08:00", "2026-02-01T00:00:00+08:00")
                .body("total.approvalRate", equalTo(50.0f)).body("total.acceptanceRate", equalTo(50.0f));

        fixture.april();
        Map<String, String> q2 = Map.of("from", "2026-01-01T00:00:00+08:00", "to", "2026-05-01T00:00:00+08:00");
        await().atMost(WAIT).untilAsserted(() -> assertEquals("1", totals(fixture.bank, q2).get("2026-04")
                .get("applications")));
        Map<String, Map<String, String>> afterApril = totals(fixture.bank, q2);
        assertEquals(expected.get("2026-01"), afterApril.get("2026-01"));
        assertEquals(expected.get("2026-02"), afterApril.get("2026-02"));
        assertEquals(expected.get("2026-03"), afterApril.get("2026-03"));
        assertEquals("500000", afterApril.get("2026-04").get("amountDisbursed"));
        // the snapshot of February, computed from today's state, now counts A3's answer (no longer unanswered)
        summary(fixture.bank, "2026-02-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00")
                .body("total.acceptanceRate", equalTo(100.0f));
    }

    @Test
    void shouldGroupEachPointAndLabelWeeksAndMonthsInChinasCalendar() {
        KpiFixture fixture = new KpiFixture();
        fixture.january();
        await().atMost(WAIT).untilAsserted(() -> series(Map.of("bankId", fixture.bank, "groupBy", "bank",
                "from", "2026-01-01T00:00:00+08:00", "to", "2026-02-01T00:00:00+08:00"))
                .body("points.size()", equalTo(1))
                .body("points[0].groups.size()", equalTo(1))
                .body("points[0].groups[0].key", equalTo(fixture.bank))
                .body("points[0].groups[0].applications", equalTo(2)));
        // 2026-01-05 is a Monday (ISO week 2); 2026-01-10 and 2026-01-20 fall in weeks 2 and 4
        series(Map.of("bankId", fixture.bank, "period", "WEEK", "from", "2026-01-05T00:00:00+08:00",
                "to", "2026-01-26T00:00:00+08:00"))
                .body("period", equalTo("WEEK"))
                .body("points.label", equalTo(List.of("2026-W02", "2026-W03", "2026-W04")))
                .body("points.total.applications", equalTo(List.of(1, 0, 1)))
                .body("points[0].start", equalTo("2026-01-04T16:00:00Z"));
    }

    @Test
    void shouldAnswerBadSeriesParametersWithAProblemNamingThem() {
        for (Map.Entry<String, Map<String, String>> bad : Map.of(
                "period", Map.of("period", "DAY"),
                "from", Map.of("period", "WEEK", "from", "2000-01-01", "to", "2026-01-01"),
                "groupBy", Map.of("groupBy", "city")).entrySet()) {
            given().auth().oauth2(Tokens.admin("admin-1")).queryParams(bad.getValue())
                    .when().get("/api/v1/stats/series")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad.getKey()));
        }
        given().auth().oauth2(Tokens.bank("bank-user", "ZQRCB")).when().get("/api/v1/stats/series")
                .then().statusCode(403);
    }

    private static ValidatableResponse summary(String bank, String from, String to) {
        return given().auth().oauth2(Tokens.admin("admin-1"))
                .queryParams(Map.of("bankId", bank, "from", from, "to", to)).when().get("/api/v1/stats/summary")
                .then().statusCode(200);
    }
}
