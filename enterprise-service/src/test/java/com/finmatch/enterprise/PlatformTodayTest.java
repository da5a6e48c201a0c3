package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Today" of a financing need is China's date on the platform clock: at 2026-03-01T17:00Z it is already 03-02 in
 * China (01:00), while UTC still says 03-01. Both the past check ({@code @FutureOrPresent}) and the five-years-ahead
 * check of FinancingNeedService count from 03-02.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class PlatformTodayTest {

    private static final Instant ONE_AM_IN_CHINA = Instant.parse("2026-03-01T17:00:00Z");

    private String owner;
    private String enterpriseId;

    @BeforeEach
    void enterpriseAtOneInTheMorningInChina() {
        owner = newSubject("owner");
        enterpriseId = Fixtures.registerEnterprise(owner);
        QuarkusMock.installMockForType(Clock.fixed(ONE_AM_IN_CHINA, ZoneOffset.UTC), Clock.class);
    }

    private ValidatableResponse openNeededBy(String date) {
        Map<String, Object> body = Fixtures.needBody();
        body.put("neededBy", date);
        return as(Tokens.enterprise(owner)).body(body)
                .post("/api/v1/enterprises/" + enterpriseId + "/financing-needs").then();
    }

    @Test
    void shouldCountFiveYearsAheadFromChinasDateNotUtcs() {
        openNeededBy("2031-03-02").statusCode(201).body("neededBy", equalTo("2031-03-02"));
        openNeededBy("2031-03-03").statusCode(400).body("violations[0].field", equalTo("neededBy"));
    }

    @Test
    void shouldTakeChinasDateAsTodayForANeedDueToday() {
        openNeededBy("2026-03-02").statusCode(201);
        openNeededBy("2026-03-01").statusCode(400).body("violations[0].field", equalTo("neededBy"));
    }

    @Test
    void shouldStampTheNeedWithThePlatformClock() {
        openNeededBy("2026-06-30").statusCode(201).body("openedAt", equalTo("2026-03-01T17:00:00Z"));
    }
}
