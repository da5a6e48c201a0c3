package com.finmatch.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.event.EnterpriseEventsConsumer;
import com.finmatch.matching.service.Json;
import com.finmatch.matching.service.MatchingService;
import com.finmatch.matching.service.Ownership;
import com.finmatch.matching.service.Shards;
import com.finmatch.platform.events.KafkaClients;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * matching-service in replicas (README "Replicas"): a replica owns the needs of the enterprise.events partitions the
 * group assigns it. This instance is alone in its group, so it owns every partition; the tests hand one partition
 * away and back as a rebalance would (Shards, called by the rebalance listener) and check what a replica does on
 * either side of the hand-over — on real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ReplicaOwnershipTest {

    private static final String CHANGED = "finmatch.match.MatchesChanged.v1";

    @Inject
    Shards shards;

    @Inject
    Ownership ownership;

    @Inject
    MatchingService matching;

    @Inject
    EnterpriseEventsConsumer enterpriseEvents;

    @Inject
    DataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Test
    void shouldPlaceAnEnterpriseOnThePartitionKafkasPartitionerGivesItsKey() {
        for (int i = 0; i < 1000; i++) {
            String key = UUID.randomUUID().toString();
            for (int partitions : new int[] {1, 3, 7, 64}) {
                assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                        Ownership.partitionOf(key, partitions), key);
            }
        }
        String enterprise = Events.id();
        try (TopicProbe events = TopicProbe.of("enterprise.events")) {
            Events.registerEnterprise(enterprise, "owner-" + enterprise, "441202", "FOOD");
            ConsumerRecord<String, String> record = events.await(r -> enterprise.equals(r.key()), Duration.ofSeconds(60));
            assertEquals(Ownership.partitionOf(enterprise, 3), record.partition(), "the broker's own placement");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ownership.partitions().size() == 3);
        assertTrue(ownership.owns(enterprise), "alone in its group, this instance owns every partition");
    }

    /**
     * Revoked: the partition's needs leave the engine, this replica publishes nothing for them any more, and still
     * answers their recommendations (from the read models, against its own products) exactly as their owner did.
     * Assigned again: their needs are loaded and what changed meanwhile is published.
     */
    @Test
    void shouldDropANeedOnRevokeAnswerItsReadsAnywayAndLoadItOnAssign() throws Exception {
        String district = "R-" + Events.id().substring(0, 8);
        String enterprise = Events.id();
        String need = Events.id();
        String owner = "owner-" + enterprise;
        String first = Events.id();
        int partition = Ownership.partitionOf(enterprise, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> ownership.owns(enterprise));
        Events.publishProduct(first, "ZQRCB", district, "3.60", 1);
        Events.registerEnterprise(enterprise, owner, district, "FOOD");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 1_000_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains(first), Duration.ofSeconds(60));
        }
        JsonNode ownersRead = recommendations(owner);
        assertEquals(need, ownersRead.get(0).get("needId").asText());

        String better = Events.id();
        try {
            shards.revoked(List.of(partition));
            assertFalse(ownership.owns(enterprise));
            assertFalse(matching.engine().isOpen(need), "a revoked partition's need left the engine");
            assertEquals(ownersRead, recommendations(owner), "a replica that does not own the need reads it the same");

            Events.publishProduct(better, "ICBC", district, "3.10", 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> recommendations(owner).get(0).get("products").get(0)
                    .get("productId").asText().equals(better));
            // the product's transaction has committed (its engine change is visible): it published nothing for the
            // need, which is not this replica's any more
            assertEquals(List.of(first), matchedProducts(need));
            assertFalse(matching.engine().isOpen(need));
        } finally {
            shards.assigned(List.of(partition), 3);
        }
        assertTrue(matching.engine().isOpen(need), "an assigned partition's need is loaded");
        assertEquals(List.of(better, first), matchedProducts(need), "what changed meanwhile is published on assign");
        JsonNode afterwards = recommendations(owner);
        assertEquals(better, afterwards.get(0).get("products").get(0).get("productId").asText());
    }

    /**
     * The hand-over race: the partition's previous owner applied an event (read models and inbox) but its offset was
     * not committed, after this replica had loaded the partition; Kafka delivers the record again here, and the inbox
     * knows it. The engine must still end up with the database's state: the need is matched and published.
     */
    @Test
    void shouldTakeTheDatabasesStateForAnEventThePreviousOwnerAppliedButDidNotCommit() throws Exception {
        String district = "H-" + Events.id().substring(0, 8);
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        await().atMost(Duration.ofSeconds(60)).until(() -> ownership.owns(enterprise));
        Events.publishProduct(product, "ZQRCB", district, "3.60", 1);
        Events.registerEnterprise(enterprise, "owner-" + enterprise, district, "FOOD");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from enterprise_rm e, product_rm p"
                + " where e.id = '" + enterprise + "' and p.id = '" + product + "'") == 1);

        String json = """
                {"enterpriseId":"%s","needId":"%s","amount":1000000,"termMonths":24,"purpose":"EQUIPMENT",
                 "guaranteeTypes":["CREDIT"],"maxAnnualRate":5.00,"neededBy":"2027-01-31","projectId":null,
                 "openedAt":"%s"}""".formatted(enterprise, need, OffsetDateTime.now(ZoneOffset.UTC));
        String eventId = Events.id();
        // what the previous owner's transaction left: the need in the read model and the event in the inbox
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into need_rm (id, enterprise_id, kind, amount,"
                    + " term_months, status, opened_at, payload) values (?::uuid, ?::uuid, 'NEED', 1000000, 24, 'OPEN',"
                    + " now(), ?)")) {
                s.setString(1, need);
                s.setString(2, enterprise);
                s.setString(3, Json.write(Json.read(json, FinancingNeed.class)));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into inbox_event (consumer, event_id, event_type,"
                    + " processed_at) values (?, ?, ?, now())")) {
                s.setString(1, EnterpriseEventsConsumer.CHANNEL);
                s.setString(2, eventId);
                s.setString(3, "finmatch.enterprise.FinancingNeedOpened.v1");
                s.executeUpdate();
            }
        }
        assertFalse(matching.engine().isOpen(need));

        try (TopicProbe matches = TopicProbe.of("match.events")) {
            enterpriseEvents.on(record(enterprise, eventId, json)); // Kafka's delivery of the uncommitted record
            assertTrue(matching.engine().isOpen(need), "the new owner's engine holds what the database holds");
            ConsumerRecord<String, String> published = matches.await(TopicProbe.ofTypeAndSubject(CHANGED, need),
                    Duration.ofSeconds(60));
            assertTrue(published.value().contains(product));
        }
        assertEquals(List.of(product), matchedProducts(need));
    }

    /** An administrator's re-match started on another replica re-matches this replica's needs under its job id. */
    @Test
    void shouldReMatchItsOwnNeedsWhenAnotherReplicaStartsAReMatch() throws Exception {
        String job = Events.id();
        notifyAsAnotherReplica("rematch|another-replica|" + job);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().get("/api/v1/admin/rematch/" + job)
                .then().statusCode(200).body("kind", equalTo("REMATCH")).body("state", equalTo("DONE")));
    }

    /**
     * Any replica shows the whole re-match: its own share summed with the shares the other replicas recorded (here
     * one written as another replica would): running while another share runs, done with the changed needs summed.
     */
    @Test
    void shouldShowAReMatchWithEveryReplicasShareSummed() throws Exception {
        String job = given().auth().oauth2(Tokens.admin("a")).when().post("/api/v1/admin/rematch")
                .then().statusCode(202).extract().path("jobId");
        sql("insert into admin_job_share (job_id, replica, kind, state, partitions, partition_count, done, total,"
                + " started_at, updated_at) values (?, 'replica-b', 'REMATCH', 'RUNNING', '{}', 3, 5, 10, now(), now())", job);
        long[] mine = await().atMost(Duration.ofSeconds(60)).until(() -> ownShare(job), r -> r != null);
        JsonNode running = job(job);
        assertEquals("RUNNING", running.get("state").asText(), "another replica's share still runs");
        assertEquals(mine[0] + 5, running.get("done").asLong());
        assertEquals(mine[1] + 10, running.get("total").asLong());
        assertTrue(running.path("changedNeeds").isNull() || running.path("changedNeeds").isMissingNode());
        sql("update admin_job_share set state = 'DONE', done = 10, changed_needs = 2, finished_at = now(),"
                + " updated_at = now() where job_id = ? and replica = 'replica-b'", job);
        JsonNode done = job(job);
        assertEquals("DONE", done.get("state").asText());
        assertEquals(mine[1] + 10, done.get("done").asLong());
        assertEquals(mine[2] + 2, done.get("changedNeeds").asLong());
    }

    /** This replica's recorded share of the job once it is DONE: done, total, changed needs; else null. */
    private long[] ownShare(String job) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select done, total,"
                + " changed_needs from admin_job_share where job_id = ? and replica <> 'replica-b' and state = 'DONE'")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new long[] {r.getLong(1), r.getLong(2), r.getLong(3)} : null;
            }
        }
    }

    private static JsonNode job(String job) {
        return Json.tree(given().auth().oauth2(Tokens.admin("a")).when().get("/api/v1/admin/rematch/" + job)
                .then().statusCode(200).extract().asString());
    }

    private void sql(String statement, String job) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, job);
            s.executeUpdate();
        }
    }

    /**
     * A replay swaps the shared read models for what one replica rebuilt: while another replica consumes (here a
     * consumer joining the group as one would, committing nothing) it is refused with 409, and accepted again once
     * that replica has left.
     */
    @Test
    void shouldRefuseAReplayWhileAnotherReplicaConsumes() {
        try (KafkaConsumer<String, String> other = kafka.consumer(Map.of("group.id", "matching-service",
                "client.id", "matching-enterprise-events"))) {
            other.subscribe(List.of("enterprise.events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                other.poll(Duration.ofMillis(200)); // joins the group; nothing is committed
                return !other.assignment().isEmpty();
            });
            String detail = given().auth().oauth2(Tokens.admin("a")).when().post("/api/v1/admin/replay")
                    .then().statusCode(409).extract().path("detail");
            assertTrue(detail.contains("1 other replica"), detail);
        }
        String job = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.admin("a"))
                .when().post("/api/v1/admin/replay").then().extract().response(), r -> r.statusCode() == 202)
                .path("jobId");
        await().atMost(Duration.ofSeconds(120)).until(() -> job(job).get("state").asText(), s -> !"RUNNING".equals(s));
        assertEquals("DONE", job(job).get("state").asText());
    }

    /**
     * Another replica's replay swapped rebuilt read models in: this replica's engine is rebuilt from them (here a
     * product that reached the tables without an event this replica saw).
     */
    @Test
    void shouldRebuildItsEngineFromTheTablesAfterAnotherReplicasReplay() throws Exception {
        String district = "P-" + Events.id().substring(0, 8);
        String enterprise = Events.id();
        String need = Events.id();
        String owner = "owner-" + enterprise;
        String first = Events.id();
        await().atMost(Duration.ofSeconds(60)).until(() -> ownership.owns(enterprise));
        Events.publishProduct(first, "ZQRCB", district, "3.60", 1);
        Events.registerEnterprise(enterprise, owner, district, "FOOD");
        try (TopicProbe matches = TopicProbe.of("match.events")) {
            Events.openNeed(enterprise, need, 1_000_000, "5.00");
            matches.await(r -> need.equals(r.key()) && r.value().contains(first), Duration.ofSeconds(60));
        }
        String replayed = Events.id();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("insert into product_rm"
                + " (id, bank_id, name, type, status, version, payload) values (?::uuid, 'ICBC', 'replayed', 'CREDIT_LOAN',"
                + " 'PUBLISHED', 1, ?)")) {
            s.setString(1, replayed);
            s.setString(2, Events.product(replayed, "ICBC", district, "3.10", 1, "PUBLISHED"));
            s.executeUpdate();
        }
        notifyAsAnotherReplica("reload|another-replica|" + Events.id());
        await().atMost(Duration.ofSeconds(60)).until(() -> recommendations(owner).get(0).get("products").get(0)
                .get("productId").asText().equals(replayed));
        assertEquals(List.of(replayed, first), matchedProducts(need), "the rebuild published what changed");
    }

    private void notifyAsAnotherReplica(String payload) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pg_notify('finmatch_matching', ?)")) {
            s.setString(1, payload);
            s.execute();
        }
    }

    private static ConsumerRecord<String, String> record(String key, String eventId, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "finmatch.enterprise.FinancingNeedOpened.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "enterprise-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("enterprise.events", Ownership.partitionOf(key, 3), 0L, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, key, json, headers, Optional.empty());
    }

    /** The enterprise's recommendations without the times of reading. */
    private static JsonNode recommendations(String owner) {
        String body = given().auth().oauth2(Tokens.enterprise(owner)).when().get("/api/v1/recommendations/me")
                .then().statusCode(200).extract().asString();
        JsonNode recommendations = Json.tree(body).get("recommendations");
        recommendations.forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("asOf"));
        return recommendations;
    }

    private List<String> matchedProducts(String need) throws SQLException {
        List<String> products = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select cast(product_id as varchar) from match where need_id = ?::uuid order by rank")) {
            s.setString(1, need);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    products.add(r.getString(1));
                }
            }
        }
        return products;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
