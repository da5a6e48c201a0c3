package com.finmatch.platform.events;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.finmatch.platform.events.EventsTestSupport.applied;
import static com.finmatch.platform.events.EventsTestSupport.ceHeaders;
import static com.finmatch.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dead letters are listed with their reason and re-driven through the inbox: applied once, whatever happens. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DeadLetterApiTest {

    private static final String API = "/api/v1/admin/dead-letters";

    @Inject
    DataSource db;

    @Test
    void shouldListADeadLetterWithItsReasonAndApplyItOnceReDriven() {
        String admin = Tokens.admin("admin1");
        String aggregate = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.of(TestWriter.TOPIC + ".dlq")) {
            // fails 4 times: the first attempt and the 3 retries of the test bound; the 5th (the re-drive) works
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"dead\",\"fail\":4}", ceHeaders(id, aggregate));
            dlq.await(r -> id.equals(header(r, "ce_id")), Duration.ofSeconds(30));
        }
        String deadLetter = given().auth().oauth2(admin).when().get(API).then().statusCode(200)
                .body("items.find { it.eventId == '" + id + "' }.reason", notNullValue())
                .body("items.find { it.eventId == '" + id + "' }.topic", equalTo(TestWriter.TOPIC))
                .extract().path("items.find { it.eventId == '" + id + "' }.id");
        int total = given().auth().oauth2(admin).queryParam("size", 1).when().get(API).then().statusCode(200)
                .body("size", equalTo(1)).body("items.size()", equalTo(1)).extract().path("total");
        org.junit.jupiter.api.Assertions.assertTrue(total >= 1);
        given().auth().oauth2(admin).queryParam("page", total).queryParam("size", 1).when().get(API).then()
                .statusCode(200).body("items.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'finmatch messaging' }.data.warning", org.hamcrest.Matchers.containsString("dead letter")));

        given().auth().oauth2(admin).when().post(API + "/" + deadLetter + "/redrive").then().statusCode(200)
                .body("eventId", equalTo(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, id) == 1);
        given().auth().oauth2(admin).when().get(API).then().statusCode(200).body("items.eventId", not(hasItem(id)));
        given().auth().oauth2(admin).when().post(API + "/" + deadLetter + "/redrive").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldApplyAReDrivenEventOnlyOnceWhenItHadBeenAppliedBefore() {
        String admin = Tokens.admin("admin1");
        String aggregate = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"applied\"}", ceHeaders(id, aggregate));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, id) == 1);
        // the same event also sits in the DLQ (e.g. dead-lettered by an instance whose commit was lost)
        Map<String, String> headers = new HashMap<>(ceHeaders(id, aggregate));
        headers.put("dead-letter-reason", "lost commit (test)");
        headers.put("dead-letter-topic", TestWriter.TOPIC);
        TopicProbe.send(TestWriter.TOPIC + ".dlq", aggregate, "{\"note\":\"applied\"}", headers);
        String marker = UUID.randomUUID().toString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).when().get(API)
                .then().body("items.eventId", hasItem(id)));
        given().auth().oauth2(admin).when().post(API + "/redrive-all").then().statusCode(200);
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"marker\"}", ceHeaders(marker, aggregate));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, marker) == 1);
        assertEquals(1L, applied(db, id), "a re-driven duplicate was applied twice");
        given().auth().oauth2(admin).when().get(API).then().statusCode(200).body("items.eventId", not(hasItem(id)));
    }

    @Test
    void shouldKeepDeadLettersToAdministrators() {
        given().when().get(API).then().statusCode(401);
        given().auth().oauth2(Tokens.enterprise("e1")).when().get(API).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin("admin1")).when().post(API + "/nonsense/redrive").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin("admin1")).when().post(API + "/" + TestWriter.TOPIC + ".dlq:0:999999999/redrive")
                .then().statusCode(404);
    }
}
