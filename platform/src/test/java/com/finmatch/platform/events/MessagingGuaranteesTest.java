package com.finmatch.platform.events;

import com.finmatch.testing.EventSchemas;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.TestKafka;
import com.finmatch.testing.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.finmatch.testing.TopicProbe.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class MessagingGuaranteesTest {

    @Inject
    TestWriter writer;

    @Inject
    DataSource db;

    @Inject
    OutboxRelay relay;

    @Inject
    EventInbox inbox;

    @Test
    void shouldPublishCommittedEventAsCloudEventKeyedByAggregate() {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            String aggregate = UUID.randomUUID().toString();
            UUID id = writer.write(aggregate, "hello");

            ConsumerRecord<String, String> record = probe.await(r -> id.toString().equals(header(r, "ce_id")));

            assertEquals(aggregate, record.key());
            assertEquals(TestWriter.TYPE, header(record, "ce_type"));
            JsonNode payload = EventSchemas.assertValid(record, "events-test");
            assertEquals("hello", payload.get("note").asText());
            await().until(() -> sentAt(id) != null);
        }
    }

    @Test
    void shouldPublishNothingWhenTheTransactionRollsBack() {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            String aggregate = UUID.randomUUID().toString();
            assertThrows(IllegalStateException.class, () -> writer.writeThenFail(aggregate, "ghost"));
            UUID marker = writer.write(aggregate, "marker");

            probe.await(r -> marker.toString().equals(header(r, "ce_id")));

            assertTrue(probe.seen().stream().noneMatch(r -> r.value().contains("ghost")),
                    "a rolled-back event reached Kafka");
            assertEquals(0L, count("select count(*) from outbox_event where payload like '%ghost%'"));
        }
    }

    @Test
    void shouldPublishAnEventCommittedWhileTheBrokerIsDownOnceItIsBack() {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            String aggregate = UUID.randomUUID().toString();
            UUID id;
            long failuresBefore = relay.sendFailures();
            TestKafka.get().stop();
            try {
                id = writer.write(aggregate, "written while the broker was down");
                // the relay's send of it has failed (the producer gave it up after delivery.timeout.ms): from here
                // only the relay's own retry can still deliver it
                await().atMost(Duration.ofSeconds(60)).until(() -> relay.sendFailures() > failuresBefore);
                assertEquals(null, sentAt(id), "nothing can have been sent to a stopped broker");
            } finally {
                TestKafka.get().start();
            }

            ConsumerRecord<String, String> record = probe.await(r -> id.toString().equals(header(r, "ce_id")),
                    Duration.ofSeconds(60));

            assertEquals(aggregate, record.key());
            await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(id) != null);
        }
    }

    @Test
    void shouldApplyARecordDeliveredTwiceOnlyOnce() {
        long skippedBefore = inbox.duplicatesSkipped();
        String eventId = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"twice\"}", EventsTestSupport.ceHeaders(eventId, aggregate));
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"twice\"}", EventsTestSupport.ceHeaders(eventId, aggregate));
        String markerId = UUID.randomUUID().toString();
        TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"after\"}", EventsTestSupport.ceHeaders(markerId, aggregate));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(markerId) == 1);

        assertEquals(1L, applied(eventId));
        assertEquals(1L, count("select count(*) from inbox_event where event_id = '" + eventId + "'"));
        assertEquals(skippedBefore + 1, inbox.duplicatesSkipped(), "the second delivery is counted as a skipped duplicate");
    }

    @Test
    void shouldSendAPoisonRecordToTheDeadLetterTopicAndProcessTheNextOne() {
        try (TopicProbe dlq = TopicProbe.of(TestWriter.TOPIC + ".dlq")) {
            String aggregate = UUID.randomUUID().toString();
            String poisonId = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "this is not json", EventsTestSupport.ceHeaders(poisonId, aggregate));
            String nextId = UUID.randomUUID().toString();
            TopicProbe.send(TestWriter.TOPIC, aggregate, "{\"note\":\"next\"}", EventsTestSupport.ceHeaders(nextId, aggregate));

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(nextId) == 1);
            ConsumerRecord<String, String> dead = dlq.await(r -> poisonId.equals(header(r, "ce_id")));

            assertEquals("this is not json", dead.value());
            assertNotNull(header(dead, "dead-letter-reason"));
            assertTrue(header(dead, "dead-letter-reason").contains("not JSON"), header(dead, "dead-letter-reason"));
            assertEquals(0L, applied(poisonId));
        }
    }

    @Test
    void shouldPublishEachAggregatesEventsInTheOrderOfItsChangesUnderConcurrentWriters() throws Exception {
        try (TopicProbe probe = TopicProbe.of(TestWriter.TOPIC)) {
            String run = UUID.randomUUID().toString();
            List<String> aggregates = List.of(run + "-a", run + "-b", run + "-c", run + "-d", run + "-e");
            int writers = 8;
            int writesEach = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Random random = new Random(w);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        writer.writeEventFirst(aggregates.get(random.nextInt(aggregates.size())));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            await().atMost(Duration.ofSeconds(60)).until(() -> probe.seen().stream()
                    .filter(r -> r.key().startsWith(run)).count() == writers * writesEach);

            Map<String, List<Integer>> sequences = new HashMap<>();
            for (ConsumerRecord<String, String> r : probe.seen()) {
                if (r.key().startsWith(run)) {
                    Object n = query("select n from write_order where event_id = '" + header(r, "ce_id") + "'");
                    sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(((Number) n).intValue());
                }
            }
            sequences.forEach((aggregate, ns) -> {
                for (int i = 0; i < ns.size(); i++) {
                    assertEquals(i + 1, ns.get(i), "events of " + aggregate + " out of order: " + ns);
                }
            });
        }
    }

    private Object sentAt(UUID id) {
        return query("select sent_at from outbox_event where id = '" + id + "'");
    }

    private long applied(String eventId) {
        return EventsTestSupport.applied(db, eventId);
    }

    private long count(String sql) {
        return EventsTestSupport.count(db, sql);
    }

    private Object query(String sql) {
        return EventsTestSupport.query(db, sql);
    }
}
