package com.finmatch.matching;

import com.finmatch.matching.service.MatchingService;
import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class AdminViewsTest {

    @Inject
    DataSource dataSource;

    @Inject
    MatchingService matching;

    @Inject
    com.finmatch.matching.service.MatchFeed feed;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "finmatch.feed.max-streams-per-user", defaultValue = "5")
    int maxStreamsPerUser;

    @TestHTTPResource("/api/v1/matches/stream")
    URI stream;

    private String matchedNeed(String bank, String district) {
        String enterprise = Events.id();
        String need = Events.id();
        Events.publishProduct(Events.id(), bank, district, "3.50", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "NEW_MATERIALS");
        Events.openNeed(enterprise, need, 800_000, "5.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().get("/api/v1/matches?district=" + district + "&size=200")
                .then().statusCode(200).body("items.needId", hasItem(need)));
        return enterprise + "/" + need;
    }

    @Test
    void shouldShowABankOnlyMatchesOnItsProductsForEnterprisesThatConsented() {
        String[] ids = matchedNeed("BANK-A", "441223").split("/");
        String enterprise = ids[0];
        String need = ids[1];
        String bankA = Tokens.bank("bank-a-user", "BANK-A");
        given().auth().oauth2(bankA).when().get("/api/v1/matches")
                .then().statusCode(200).body("items.needId", not(hasItem(need)));

        String consent = Events.id();
        Events.send("enterprise.events", enterprise, "finmatch.enterprise.ConsentGranted.v1", """
                {"enterpriseId":"%s","consentId":"%s","bankId":"BANK-A","categories":["PROFILE"],
                 "expiresAt":"2099-01-01T00:00:00Z","grantedAt":"2026-01-01T00:00:00Z"}""".formatted(enterprise, consent));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(bankA)
                .when().get("/api/v1/matches").then().statusCode(200)
                .body("items.needId", hasItem(need))
                .body("items.bankId", everyItem(equalTo("BANK-A"))));
        given().auth().oauth2(Tokens.bank("bank-b-user", "BANK-B")).when().get("/api/v1/matches")
                .then().statusCode(200).body("items.needId", not(hasItem(need)));

        Events.send("enterprise.events", enterprise, "finmatch.enterprise.ConsentRevoked.v1", """
                {"enterpriseId":"%s","consentId":"%s","bankId":"BANK-A","revokedAt":"2026-02-01T00:00:00Z"}"""
                .formatted(enterprise, consent));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(bankA)
                .when().get("/api/v1/matches").then().statusCode(200).body("items.needId", not(hasItem(need))));
    }

    /** enterprise-service's ConsentGranted: the enterprise lets a bank (or every bank) see one category. */
    private static void grantConsent(String enterprise, String bankId, String category) {
        Events.send("enterprise.events", enterprise, "finmatch.enterprise.ConsentGranted.v1", """
                {"enterpriseId":"%s","consentId":"%s","bankId":"%s","categories":["%s"],
                 "expiresAt":"2099-01-01T00:00:00Z","grantedAt":"2026-01-01T00:00:00Z"}""".formatted(enterprise,
                Events.id(), bankId, category));
    }

    @Test
    void shouldShowABankTheEnterpriseOnlyUnderAConsentCoveringTheCategoryOfItsFields() {
        String[] ids = matchedNeed("BANK-K", "441291").split("/");
        String enterprise = ids[0];
        String need = ids[1];
        String bankK = Tokens.bank("bank-k-user", "BANK-K");
        grantConsent(enterprise, "BANK-K", "CONTACTS");
        // a CONTACTS consent: the match, but not the enterprise's name, cluster or district (PROFILE fields)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(bankK)
                .when().get("/api/v1/matches").then().statusCode(200).body("items.needId", hasItem(need)));
        given().auth().oauth2(bankK).when().get("/api/v1/matches").then()
                .body("items.find { it.needId == '%s' }.enterpriseName".formatted(need), nullValue())
                .body("items.find { it.needId == '%s' }.clusterCode".formatted(need), nullValue())
                .body("items.find { it.needId == '%s' }.districtCode".formatted(need), nullValue());
        // nor may the bank find out the district by filtering on it
        given().auth().oauth2(bankK).when().get("/api/v1/matches?district=441291").then().statusCode(200)
                .body("items.needId", not(hasItem(need)));

        grantConsent(enterprise, "*", "PROFILE");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(bankK)
                .when().get("/api/v1/matches?district=441291").then().statusCode(200)
                .body("items.find { it.needId == '%s' }.districtCode".formatted(need), equalTo("441291"))
                .body("items.find { it.needId == '%s' }.clusterCode".formatted(need), equalTo("NEW_MATERIALS"))
                .body("items.find { it.needId == '%s' }.enterpriseName".formatted(need), notNullValue()));
    }

    @Test
    void shouldAnnounceABanksReadOfAnEnterpriseInItsMatchesForTheAccessLog() {
        String[] ids = matchedNeed("BANK-L", "441292").split("/");
        String enterprise = ids[0];
        String bankL = Tokens.bank("bank-l-user", "BANK-L");
        grantConsent(enterprise, "BANK-L", "PROFILE");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(bankL)
                .when().get("/api/v1/matches").then().statusCode(200).body("items.enterpriseId", hasItem(enterprise)));
        try (TopicProbe events = TopicProbe.of("match.events")) {
            given().auth().oauth2(bankL).when().get("/api/v1/matches").then().statusCode(200)
                    .body("items.enterpriseName", hasItem(notNullValue()));
            JsonNode read = EventSchemas.assertValid(events.await(TopicProbe.ofTypeAndSubject(
                    "finmatch.match.EnterpriseDataRead.v1", enterprise)), "matching-service");
            assertEquals(enterprise, read.get("enterpriseId").asText());
            assertEquals("BANK-L", read.get("bankId").asText());
            assertEquals("bank-l-user", read.get("readBy").asText());
            assertEquals("[\"PROFILE\"]", read.get("categories").toString());
            assertEquals("GET /api/v1/matches", read.get("resource").asText());
        }
    }

    @Test
    void shouldRefuseMatchesToEnterprisesAndToBanksWithoutABankId() {
        given().auth().oauth2(Tokens.enterprise("e")).when().get("/api/v1/matches").then().statusCode(403);
        given().auth().oauth2(Tokens.token("b", List.of("bank"), Map.of())).when().get("/api/v1/matches")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/matches").then().statusCode(401);
        given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/matches?from=soon")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/matches?size=0")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void shouldStreamANewMatchToAnAdministrator() {
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.admin("a")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    r.body().forEach(lines::add);
                    return null;
                });
        List<String> needs = new ArrayList<>();
        String enterprise = Events.id();
        Events.registerEnterprise(enterprise, "owner-" + enterprise, "441224", "GREEN_BUILDING");
        Events.publishProduct(Events.id(), "BANK-S", "441224", "3.10", 1);
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                String need = Events.id();
                needs.add(need);
                Events.openNeed(enterprise, need, 300_000, "6.00");
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("data:") && needs.stream().anyMatch(l::contains)
                        && l.contains("\"change\":\"NEW\"") && l.contains("BANK-S")), "lines so far: " + lines);
            });
        } finally {
            response.cancel(true);
        }
        given().auth().oauth2(Tokens.bank("b", "BANK-S")).when().get("/api/v1/matches/stream").then().statusCode(403);
    }

    @Test
    void shouldRefuseABodyAbove256KiBWith413() {
        given().auth().oauth2(Tokens.admin("a")).contentType("application/json")
                .body("{\"note\": \"" + "x".repeat(300 * 1024) + "\"}").when().post("/api/v1/admin/rematch")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    private HttpResponse<InputStream> openFeed(String token) throws Exception {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldRefuseMoreLiveFeedsPerUserThanAllowedWith429() throws Exception {
        String subject = "feed-cap-" + Events.id();
        String admin = Tokens.admin(subject);
        List<HttpResponse<InputStream>> held = new ArrayList<>();
        try {
            for (int i = 0; i < maxStreamsPerUser; i++) {
                HttpResponse<InputStream> open = openFeed(admin);
                held.add(open);
                assertEquals(200, open.statusCode(), "feed " + (i + 1) + " of " + maxStreamsPerUser);
            }
            HttpResponse<InputStream> refused = openFeed(admin);
            held.add(refused);
            assertEquals(429, refused.statusCode());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(new String(refused.body().readAllBytes()).contains("\"status\":429"));
            // another administrator is not affected
            HttpResponse<InputStream> other = openFeed(Tokens.admin("feed-other-" + Events.id()));
            held.add(other);
            assertEquals(200, other.statusCode());

            held.get(0).body().close(); // one feed closed: its place is free again
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<InputStream> again = openFeed(admin);
                held.add(again);
                assertEquals(200, again.statusCode());
            });
        } finally {
            for (HttpResponse<InputStream> r : held) {
                r.body().close();
            }
        }
    }

    @Test
    void shouldEndALiveFeedWhenItsTokenExpires() throws Exception {
        String subject = "feed-exp-" + Events.id();
        String shortLived = Tokens.token(subject, List.of("admin"),
                Map.of("exp", java.time.Instant.now().plusSeconds(6).getEpochSecond()));
        HttpResponse<InputStream> open = openFeed(shortLived);
        assertEquals(200, open.statusCode());
        CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = open.body()) {
                return body.readAllBytes(); // returns only when the server ends the stream
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            rest.get(60, TimeUnit.SECONDS);
        } finally {
            open.body().close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams(subject) == 0);
    }

    @Test
    void shouldRunAFullReMatchAsAJobWithProgress() {
        matchedNeed("BANK-R", "441225");
        Response started = given().auth().oauth2(Tokens.admin("a")).when().post("/api/v1/admin/rematch");
        started.then().statusCode(202).body("jobId", notNullValue()).header("Location", notNullValue());
        String job = started.jsonPath().getString("jobId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().get("/api/v1/admin/rematch/" + job)
                .then().statusCode(200).body("state", equalTo("DONE")).body("changedNeeds", equalTo(0)));
        Response done = given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/admin/rematch/" + job);
        assertEquals(done.jsonPath().getLong("total"), done.jsonPath().getLong("done"));
        given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/admin/rematch/" + Events.id())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.bank("b", "X")).when().post("/api/v1/admin/rematch").then().statusCode(403);
    }

    /**
     * The test holds the matching lock (the one every event and job takes), so the first re-match is accepted but
     * cannot finish until the test lets it go: the second request meets it running, whatever the timing.
     */
    @Test
    void shouldRefuseASecondReMatchWith409WhileOneRuns() throws Exception {
        String admin = Tokens.admin("a");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        String first;
        try {
            Future<Object> holding = holder.submit(() -> matching.exclusively(() -> {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the test could not take the matching lock");
            try {
                Response started = given().auth().oauth2(admin).when().post("/api/v1/admin/rematch");
                started.then().statusCode(202).body("state", equalTo("RUNNING"));
                first = started.jsonPath().getString("jobId");

                given().auth().oauth2(admin).when().post("/api/v1/admin/rematch")
                        .then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("status", equalTo(409))
                        .body("detail", containsString(first));
                given().auth().oauth2(admin).when().post("/api/v1/admin/replay")
                        .then().statusCode(409)
                        .contentType("application/problem+json");
                given().auth().oauth2(admin).when().get("/api/v1/admin/rematch/" + first)
                        .then().statusCode(200).body("state", equalTo("RUNNING"));
            } finally {
                release.countDown();
            }
            holding.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                .when().get("/api/v1/admin/rematch/" + first)
                .then().statusCode(200).body("state", equalTo("DONE")));

        Response next = given().auth().oauth2(admin).when().post("/api/v1/admin/rematch");
        next.then().statusCode(202);
        String second = next.jsonPath().getString("jobId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                .when().get("/api/v1/admin/rematch/" + second)
                .then().statusCode(200).body("state", equalTo("DONE")));
    }

    @Test
    void shouldRebuildIdenticalReadModelsByReplayingTheTopics() throws SQLException {
        matchedNeed("BANK-P", "441226");
        String application = Events.id();
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"BANK-P","enterpriseId":"%s","status":"RECEIVED",
                 "previousStatus":"SUBMITTED","at":"2026-03-01T10:00:00Z","dueAt":"2026-03-04T10:00:00Z",
                 "submittedAt":"2026-03-01T08:00:00Z"}""".formatted(application, Events.id(), Events.id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot().get("application_rm").contains(application));
        Map<String, String> before = snapshot();
        Response started = given().auth().oauth2(Tokens.admin("a")).when().post("/api/v1/admin/replay");
        started.then().statusCode(202);
        String job = started.jsonPath().getString("jobId");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().get("/api/v1/admin/replay/" + job).then().statusCode(200).body("state", equalTo("DONE")));
        assertEquals(before, snapshot());
    }

    private Map<String, String> snapshot() throws SQLException {
        return ReadModelSnapshot.of(dataSource);
    }
}
