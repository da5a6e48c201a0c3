package com.finmatch.testing;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The API rate limit every service honours (platform {@code com.finmatch.platform.ratelimit}, issue 12 §6), with low
 * quotas: a service's test extends this, annotated {@code @QuarkusTest @TestProfile(RateLimitContract.LowQuotas.class)},
 * and names one GET its enterprise users call. The platform clock is fixed 10 s into a one-minute window, so the
 * windows never roll over during a test. Every test uses callers of its own.
 */
public abstract class RateLimitContract {

    /** 3 requests a minute per user and per address, 4 per bank API client, 6 for client {@code bank-big}. */
    public static class LowQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            Map.of("anonymous", "3", "user", "3", "bank-client", "4").forEach((quota, limit) -> {
                config.put("finmatch.rate-limit." + quota, limit);
                config.put("%test.finmatch.rate-limit." + quota, limit); // the services lift them in %test
            });
            config.put("finmatch.rate-limit.clients.\"bank-big\"", "6");
            config.put("finmatch.rate-limit.lease", "1");
            // so that a test can call from several addresses (as an ingress in front of the service would)
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            return config;
        }
    }

    private static final Instant TEN_SECONDS_INTO_A_WINDOW = Instant.parse("2026-06-01T08:00:10Z");

    /** A GET that a signed-in enterprise user may call (its answer does not matter, only that it is no 429). */
    protected abstract String signedInPath();

    /** A GET called without a token (the public catalogue where the service has one; else a 401 is fine). */
    protected String anonymousPath() {
        return signedInPath();
    }

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Clock.fixed(TEN_SECONDS_INTO_A_WINDOW, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void shouldPutTheRateLimitHeadersOnEveryApiResponse() {
        String user = Tokens.enterprise(fresh("user"));
        given().auth().oauth2(user).get(signedInPath()).then()
                .statusCode(not(429))
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2").header("RateLimit-Reset", "50");
        given().auth().oauth2(user).get(signedInPath()).then()
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "1").header("RateLimit-Reset", "50");
        from(freshAddress()).get(anonymousPath()).then()
                .statusCode(not(429))
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2").header("RateLimit-Reset", "50");
    }

    @Test
    void shouldAnswer429ProblemWithRetryAfterOnceAUsersQuotaIsUsedUpAndLeaveOtherUsersAlone() {
        String user = Tokens.enterprise(fresh("user"));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(user).get(signedInPath()).then().statusCode(not(429));
        }
        given().auth().oauth2(user).get(signedInPath()).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "50")
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0").header("RateLimit-Reset", "50")
                .body("status", equalTo(429)).body("title", equalTo("Too many requests"));

        given().auth().oauth2(Tokens.enterprise(fresh("other"))).get(signedInPath()).then()
                .statusCode(not(429)).header("RateLimit-Remaining", "2");
    }

    @Test
    void shouldGiveBankApiClientsQuotasOfTheirOwnCountedPerClientId() {
        String clientId = fresh("bank-client");
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(bankClient(clientId)).get(signedInPath()).then()
                    .statusCode(not(429)).header("RateLimit-Limit", "4");
        }
        // every token of the client draws on the same quota, whatever its subject
        given().auth().oauth2(bankClient(clientId)).get(signedInPath()).then()
                .statusCode(429).header("Retry-After", "50");

        given().auth().oauth2(bankClient("bank-big")).get(signedInPath()).then()
                .statusCode(not(429)).header("RateLimit-Limit", "6").header("RateLimit-Remaining", "5");
        given().auth().oauth2(Tokens.bank(fresh("bank-user"), "ZQRCB")).get(signedInPath()).then()
                .statusCode(not(429)).header("RateLimit-Limit", "3");
    }

    @Test
    void shouldLimitCallsWithoutATokenPerAddress() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            from(address).get(anonymousPath()).then().statusCode(not(429));
        }
        from(address).get(anonymousPath()).then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", "50");

        from(freshAddress()).get(anonymousPath()).then().statusCode(not(429)).header("RateLimit-Remaining", "2");
    }

    @Test
    void shouldNotLimitTheManagementEndpoints() {
        for (int i = 0; i < 5; i++) {
            from("10.255.0.1").get("/q/health/live").then()
                    .statusCode(200).header("RateLimit-Limit", nullValue());
        }
    }

    private static String bankClient(String clientId) {
        return Tokens.token(fresh("service-account"), List.of("bank"),
                Map.of("bank_id", "ZQRCB", "client_id", clientId, "azp", clientId));
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String freshAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
