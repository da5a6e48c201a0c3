package com.finmatch.e2e.faults;

import com.finmatch.devstack.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the stack holds, read straight from its databases (JDBC) and its broker (Kafka Admin), for the checks. */
final class StackState implements AutoCloseable {
    static final List<String> GROUPS = List.of("enterprise-service", "loan-service", "matching-service");

    private final Stack.Pg pg;
    private final Admin kafka;

    StackState(Stack stack) {
        this.pg = stack.postgres().orElseThrow(() -> new IllegalStateException("the stack has no PostgreSQL"));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA_BOOTSTRAP);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.kafka = Admin.create(p);
    }

    /** The first column of each row, as strings. */
    Set<String> column(String db, String sql) {
        return new HashSet<>(rows(db, sql));
    }

    /** Each row as its columns joined by '|', in the query's order. */
    List<String> rows(String db, String sql) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    long count(String db, String sql) {
        return Long.parseLong(rows(db, sql).get(0));
    }

    /** Outbox rows not yet published (or parked), over the three services. */
    long unsentOutboxRows() {
        long n = 0;
        for (String db : List.of("enterprise", "loan", "matching")) {
            n += count(db, "select count(*) from outbox_event where sent_at is null");
        }
        return n;
    }

    /** group → partitions whose committed offset is behind the end of the partition (with the lag). */
    Map<String, Map<TopicPartition, Long>> lag() throws Exception {
        Map<String, Map<TopicPartition, Long>> out = new TreeMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = endOffsets(topics);
            Map<TopicPartition, Long> behind = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                long at = c == null ? 0 : c.offset();
                if (end > at) {
                    behind.put(tp, end - at);
                }
            });
            out.put(group, behind);
        }
        return out;
    }

    /** Records in every {@code *.dlq} topic, by topic (only non-empty ones). */
    Map<String, Long> deadLetters() throws Exception {
        Set<String> dlqs = kafka.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq"))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> out = new TreeMap<>();
        endOffsets(dlqs).forEach((tp, end) -> {
            if (end > 0) {
                out.merge(tp.topic(), end, Long::sum);
            }
        });
        return out;
    }

    /** The end offset of every partition of {@code topics}. */
    private Map<TopicPartition, Long> endOffsets(Set<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        kafka.describeTopics(topics).allTopicNames().get().forEach((t, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> out = new HashMap<>();
        kafka.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /**
     * {@code finmatch_inbox_duplicates_total} of a running service (redelivered records its inbox skipped since the
     * process started), or -1 when the service does not export it.
     */
    static long duplicatesSkipped(Stack.App app) {
        String body;
        try { // the Prometheus text format (devstack's Http asks for JSON)
            body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(app.url() + "/q/metrics")).header("Accept", "text/plain").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        long sum = -1;
        for (String line : body.split("\n")) {
            if (line.startsWith("finmatch_inbox_duplicates_total")) {
                sum = Math.max(sum, 0) + (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
