package com.finmatch.platform.events;

import com.finmatch.testing.ServiceTestResources;
import io.agroal.api.AgroalDataSource;
import com.finmatch.testing.TestPostgres;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.finmatch.platform.events.EventsTestSupport.ceHeaders;
import static com.finmatch.platform.events.EventsTestSupport.column;
import static com.finmatch.platform.events.EventsTestSupport.count;
import static com.finmatch.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts (fast shutdown, then the same server again) while a consumer has events to apply: the consumer
 * waits for the database instead of dead-lettering, says so in readiness, and afterwards has applied every event
 * exactly once, in each aggregate's order, and goes on consuming.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DatabaseRestartTest {

    private static final int AGGREGATES = 4;

    @Inject
    DataSource db;

    @Inject
    AgroalDataSource pool;

    @Test
    void shouldApplyEveryEventOnceAfterADatabaseRestartAndGoOnConsuming() throws InterruptedException {
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add(UUID.randomUUID().toString());
        }
        List<String> sent = new ArrayList<>();
        try (TopicProbe dlq = TopicProbe.of(TestWriter.TOPIC + ".dlq")) {
            sent.addAll(send(aggregates, "before", 5));
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedOf(sent) == sent.size());

            TestPostgres.stop();
            try {
                sent.addAll(send(aggregates, "during", 5));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'finmatch consumers' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'finmatch consumers' }.data.'test-in'",
                                containsString("waiting for the database")));
                Thread.sleep(5_000); // an outage longer than the bounded retries of any other failure (test: 0.7 s)
            } finally {
                TestPostgres.start();
            }
            // the connections the restart broke would fail the next tests' first queries: not this test's subject
            pool.flush(AgroalDataSource.FlushMode.ALL);
            List<String> after = send(aggregates, "after", 5);
            sent.addAll(after);

            await().atMost(Duration.ofSeconds(90)).until(() -> appliedOf(sent) >= sent.size());
            assertEquals(0L, count(db, "select count(*) from (select event_id from applied_event group by event_id"
                    + " having count(*) > 1) twice"), "an event applied twice");
            assertEquals(sent.size(), appliedOf(sent), "every event applied once");
            for (String aggregate : aggregates) {
                List<Object> order = column(db, "select payload::json->>'note' from applied_event where aggregate_id = '"
                        + aggregate + "' order by seq");
                assertEquals(expectedOrder(), order, "the events of " + aggregate + " in the order they were sent");
            }
            assertTrue(dlq.seen().stream().noneMatch(r -> sent.contains(header(r, "ce_id"))),
                    "an event dead-lettered because the database was restarting");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'finmatch consumers' }.status", equalTo("UP")));
        }
    }

    private long appliedOf(List<String> ids) {
        return count(db, "select count(*) from applied_event where event_id in ('" + String.join("','", ids) + "')");
    }

    private static List<String> send(List<String> aggregates, String phase, int each) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (String aggregate : aggregates) {
                String id = UUID.randomUUID().toString();
                TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"" + phase + "-" + n + "\"}",
                        ceHeaders(id, aggregate));
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<Object> expectedOrder() {
        List<Object> notes = new ArrayList<>();
        for (String phase : List.of("before", "during", "after")) {
            for (int n = 0; n < 5; n++) {
                notes.add(phase + "-" + n);
            }
        }
        return notes;
    }
}
