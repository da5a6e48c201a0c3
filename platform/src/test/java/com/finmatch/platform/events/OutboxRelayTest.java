package com.finmatch.platform.events;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static com.finmatch.platform.events.EventsTestSupport.count;
import static com.finmatch.platform.events.EventsTestSupport.query;
import static com.finmatch.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay never lets one event that Kafka refuses hold up the others, and survives its producer's death. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class OutboxRelayTest {

    @Inject
    TestWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    MessagingHousekeeping housekeeping;

    @Inject
    DataSource db;

    @Test
    void shouldParkAnEventKafkaRefusesAndPublishTheEventsBehindIt() {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            UUID tooLarge = writer.write(UUID.randomUUID().toString(), "x".repeat(2 * 1024 * 1024));
            UUID behind = writer.write(UUID.randomUUID().toString(), "behind the too large one");

            probe.await(r -> behind.toString().equals(header(r, "ce_id")), Duration.ofSeconds(60));

            assertNotNull(query(db, "select parked_at from outbox_event where id = '" + tooLarge + "'"));
            assertEquals(2L, count(db, "select attempts from outbox_event where id = '" + tooLarge + "'"));
            String error = (String) query(db, "select last_error from outbox_event where id = '" + tooLarge + "'");
            assertTrue(error.contains("RecordTooLarge"), error);
            assertTrue(relay.parked() >= 1);
            // ready once the test consumer has its partitions too (SmallRye's own check); parked rows only warn
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'finmatch messaging' }.data.'outbox.parked'", greaterThanOrEqualTo(1))
                    .body("checks.find { it.name == 'finmatch messaging' }.data.warning", containsString("parked")));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("finmatch_outbox_parked"))
                    .body(containsString("finmatch_outbox_oldest_unsent_age_seconds"));
        }
    }

    @Test
    void shouldPublishAgainAfterTheProducerDied() {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            relay.producer().close(Duration.ZERO); // what a fatal error leaves behind: a producer that refuses all

            UUID id = writer.write(UUID.randomUUID().toString(), "after the producer died");

            probe.await(r -> id.toString().equals(header(r, "ce_id")), Duration.ofSeconds(60));
        }
    }

    @Test
    void shouldPruneSentOutboxRowsAndOldInboxRowsButNothingUnsent() throws Exception {
        String run = UUID.randomUUID().toString();
        execute("insert into outbox_event (id, topic, aggregate_id, type, payload, created_at, sent_at) values"
                + " ('" + UUID.randomUUID() + "', 'none', '" + run + "-old-sent', 't', '{}', now() - interval '9 days', now() - interval '8 days'),"
                + " ('" + UUID.randomUUID() + "', 'none', '" + run + "-new-sent', 't', '{}', now() - interval '1 day', now() - interval '1 day'),"
                + " ('" + UUID.randomUUID() + "', 'none', '" + run + "-old-parked', 't', '{}', now() - interval '9 days', null)");
        execute("update outbox_event set parked_at = now() where aggregate_id = '" + run + "-old-parked'");
        execute("insert into inbox_event values ('" + run + "', 'old', 't', now() - interval '31 days'),"
                + " ('" + run + "', 'new', 't', now() - interval '29 days')");

        housekeeping.prune();

        assertEquals(0L, count(db, "select count(*) from outbox_event where aggregate_id = '" + run + "-old-sent'"));
        assertEquals(1L, count(db, "select count(*) from outbox_event where aggregate_id = '" + run + "-new-sent'"));
        assertEquals(1L, count(db, "select count(*) from outbox_event where aggregate_id = '" + run + "-old-parked'"));
        assertEquals(java.util.List.of("new"), EventsTestSupport.column(db, "select event_id from inbox_event where consumer = '"
                + run + "'"));
    }

    private void execute(String sql) throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
