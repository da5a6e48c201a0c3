package com.finmatch.platform.events;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.finmatch.platform.events.EventsTestSupport.applied;
import static com.finmatch.platform.events.EventsTestSupport.ceHeaders;
import static com.finmatch.platform.events.EventsTestSupport.column;
import static com.finmatch.testing.TopicProbe.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer's transient failure is retried in place; only what keeps failing, or can never work, is dead-lettered. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ConsumerRetryTest {

    @Inject
    DataSource db;

    /** More lost connections than the bounded retries (test bound: 3) allow: the consumer waits for the database. */
    @Test
    void shouldApplyAnEventWhoseFirstAttemptsLostTheirDatabaseConnection() {
        try (TopicProbe dlq = TopicProbe.of(TestWriter.TOPIC + ".dlq")) {
            String aggregate = UUID.randomUUID().toString();
            String id = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"failover\",\"failover\":6}",
                    ceHeaders(id, aggregate));
            String markerId = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"after\"}", ceHeaders(markerId, aggregate));

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, markerId) == 1);

            assertEquals(1L, applied(db, id), "an event lost to a transient failure");
            assertEquals(7, TestConsumer.ATTEMPTS.get(id).get(), "six failed attempts and the one that worked");
            assertTrue(dlq.seen().stream().noneMatch(r -> id.equals(header(r, "ce_id"))),
                    "a transient failure dead-lettered the event");
        }
    }

    @Test
    void shouldDeadLetterAnEventThatKeepsFailingAfterBoundedRetriesAndGoOn() {
        try (TopicProbe dlq = TopicProbe.of(TestWriter.TOPIC + ".dlq")) {
            String aggregate = UUID.randomUUID().toString();
            String id = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"broken\",\"broken\":true}",
                    ceHeaders(id, aggregate));
            String nextId = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"next\"}", ceHeaders(nextId, aggregate));

            ConsumerRecord<String, String> dead = dlq.await(r -> id.equals(header(r, "ce_id")),
                    Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, nextId) == 1);

            assertNotNull(header(dead, "dead-letter-reason"));
            assertEquals(0L, applied(db, id));
            assertEquals(1 + 3, TestConsumer.ATTEMPTS.get(id).get(), "the first attempt and 3 retries (test bound)");
        }
    }

    @Test
    void shouldKeepAnAggregatesOrderWhileOneOfItsEventsIsRetried() {
        String aggregate = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"1\",\"failover\":2}", ceHeaders(first, aggregate));
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"2\"}", ceHeaders(second, aggregate));
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"3\"}", ceHeaders(third, aggregate));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(db, third) == 1);

        List<Object> order = column(db, "select event_id from applied_event where aggregate_id = '" + aggregate
                + "' order by seq");
        assertEquals(List.of(first, second, third), order);
    }
}
