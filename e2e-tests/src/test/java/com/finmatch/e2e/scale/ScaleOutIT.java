package com.finmatch.e2e.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.ManagedProcess;
import com.finmatch.devstack.Ports;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import com.finmatch.e2e.RealStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 §1: matching-service in three instances against one Kafka and one database (the stack's instance on 8083
 * and two more of the same jar on free ports, in the same consumer group). Each owns the needs of the enterprise.events
 * partitions the group assigns it; any instance answers every read. Needs are opened and a product published; every
 * instance gives every need the same recommendations; the stack's instance is killed ({@code kill -9}) and started
 * again; afterwards every need's recommendations equal those of a single instance over the same events (the stack's,
 * alone in the group once the two others stopped), and the table {@code match} holds each need's list once. Prints the
 * time from the kill to full coverage (a new need in every partition matched and published).
 */
@ExtendWith(RealStack.class)
class ScaleOutIT {

    private static final String TOPIC = "enterprise.events";
    private static final int PARTITIONS = 3;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Marks this test's needs and product: a need asking exactly this is matched by the product, no other need is. */
    private static final long AMOUNT = 7_777_000;
    private static final int TERM = 77;

    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private final List<String> needs = new ArrayList<>();

    @Test
    void three_instances_share_the_needs_answer_every_read_alike_and_survive_a_kill() throws Exception {
        Stack stack = RealStack.stack();
        Stack.Pg pg = stack.postgres().orElseThrow();
        List<ManagedProcess> extra = new ArrayList<>();
        List<String> urls = new ArrayList<>(List.of(Stack.MATCHING.url()));
        // two enterprises per partition, from the demo enterprises ent11..ent28
        Map<Integer, List<String[]>> byPartition = new TreeMap<>();
        for (int i = 11; i <= 28; i++) {
            String user = "ent" + i;
            JsonNode me = Http.get(Stack.ENTERPRISE.url() + "/api/v1/enterprises/me", token(user)).json();
            String id = me.path("id").asText();
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            List<String[]> list = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (list.size() < 2) {
                list.add(new String[] {user, id});
            }
        }
        assertEquals(PARTITIONS, byPartition.size(), "the demo enterprises cover every partition");
        try (Admin kafka = admin()) {
            int[] ports = Ports.freePorts(2); // the second instance may not have bound its port when the third's is chosen
            for (int n = 2; n <= 3; n++) {
                int port = ports[n - 2];
                Map<String, String> env = new HashMap<>(stack.appEnv(Stack.MATCHING));
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                        stack.jar(Stack.MATCHING).toString());
                Path logs = stack.root().resolve(".finmatch/logs");
                extra.add(ManagedProcess.start("matching-service-" + n, cmd, env,
                        stack.root().resolve("matching-service"), logs.resolve("matching-service-" + n + ".log"),
                        stack.root().resolve(".finmatch/pids-scale-out")));
                urls.add("http://127.0.0.1:" + port);
            }
            for (String url : urls) {
                await("ready " + url).atMost(PATIENCE).until(() -> answers(url + "/q/health/ready"));
            }
            awaitOwners(kafka, 3);

            String bank = Tokens.forClient("bank-zqrcb");
            String product = created(Http.postJson(Stack.LOAN.url() + "/api/v1/products", bank, productBody()));
            assertTrue(Http.postJson(Stack.LOAN.url() + "/api/v1/products/" + product + "/publish", bank, "{}").ok());
            for (List<String[]> enterprises : byPartition.values()) {
                for (String[] e : enterprises) {
                    openNeed(e);
                }
            }
            List<String[]> all = byPartition.values().stream().flatMap(List::stream).toList();
            Map<String, JsonNode> three = awaitAlike(urls, all, product);
            System.out.printf("scale-out: %d instances, %d needs in %d partitions read alike from every instance%n",
                    urls.size(), needs.size(), PARTITIONS);

            // kill -9 the stack's instance; a new need in every partition shows when every partition has an owner
            long killed = System.nanoTime();
            stack.kill(Stack.MATCHING);
            List<String> probes = new ArrayList<>();
            for (List<String[]> enterprises : byPartition.values()) {
                probes.add(openNeed(enterprises.get(0)));
            }
            await("every partition owned again").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> probes.stream().allMatch(n -> matched(pg, n, product)));
            long coverage = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("scale-out: from kill -9 of one of three instances to full coverage: %d ms%n", coverage);

            stack.restart(Stack.MATCHING);
            awaitOwners(kafka, 3);
            Map<String, JsonNode> afterRestart = awaitAlike(urls, all, product);

            for (ManagedProcess p : extra) {
                p.stop(Duration.ofSeconds(30));
            }
            awaitOwners(kafka, 1);
            Map<String, JsonNode> single = awaitAlike(List.of(Stack.MATCHING.url()), all, product);
            assertEquals(single, afterRestart, "three instances after a kill answer as one instance over the same events");
            for (Map.Entry<String, JsonNode> e : three.entrySet()) {
                assertEquals(withoutNeeds(single.get(e.getKey()), probes), withoutNeeds(e.getValue(), probes),
                        "before the kill, as a single instance: " + e.getKey());
            }
            checkMatchTable(pg, single);
        } finally {
            for (ManagedProcess p : extra) {
                p.stop(Duration.ofSeconds(30));
            }
            withdrawNeeds(byPartition);
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * Reads every enterprise's recommendations from every instance until they are equal everywhere and list each of
     * this test's open needs with the product; returns them (by enterprise, without the times of reading).
     */
    private Map<String, JsonNode> awaitAlike(List<String> urls, List<String[]> enterprises, String product) {
        Map<String, JsonNode> result = new TreeMap<>();
        await("recommendations alike on " + urls).atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            result.clear();
            for (String[] e : enterprises) {
                JsonNode first = null;
                for (String url : urls) {
                    JsonNode r = read(url, e);
                    if (r == null || (first != null && !first.equals(r)) || !listsOurNeeds(r, product)) {
                        return false;
                    }
                    first = r;
                }
                result.put(e[1], first);
            }
            return true;
        });
        return result;
    }

    private boolean listsOurNeeds(JsonNode recommendations, String product) {
        int ours = 0;
        for (JsonNode r : recommendations.path("recommendations")) {
            if (needs.contains(r.path("needId").asText())) {
                ours++;
                boolean has = false;
                for (JsonNode p : r.path("products")) {
                    has |= product.equals(p.path("productId").asText());
                }
                if (!has) {
                    return false;
                }
            }
        }
        return ours > 0;
    }

    /** Each need's rows in {@code match}, by rank, are exactly its recommended products; no need or rank twice. */
    private void checkMatchTable(Stack.Pg pg, Map<String, JsonNode> single) throws SQLException {
        for (JsonNode enterprise : single.values()) {
            for (JsonNode r : enterprise.path("recommendations")) {
                List<String> expected = new ArrayList<>();
                r.path("products").forEach(p -> expected.add(p.path("productId").asText()));
                assertEquals(expected, column(pg, "select cast(product_id as varchar) from match where need_id = '"
                        + r.path("needId").asText() + "' order by rank"), "match rows of need " + r.path("needId"));
            }
        }
        assertEquals(0, count(pg, "select count(*) from (select need_id, rank from match group by need_id, rank"
                + " having count(*) > 1) twice"), "a need's rank held twice in match");
    }

    /** Waits until {@code owners} members of the group each hold enterprise.events partitions, all of them. */
    private static void awaitOwners(Admin kafka, int owners) {
        await("enterprise.events over " + owners + " instances").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of("matching-service"))
                            .all().get().get("matching-service");
                    int holders = 0;
                    int partitions = 0;
                    for (MemberDescription m : group.members()) {
                        long mine = m.assignment().topicPartitions().stream().filter(p -> p.topic().equals(TOPIC))
                                .count();
                        holders += mine > 0 ? 1 : 0;
                        partitions += (int) mine;
                    }
                    return holders == owners && partitions == PARTITIONS;
                });
    }

    private static JsonNode withoutNeeds(JsonNode recommendations, List<String> needIds) {
        ObjectNode copy = recommendations.deepCopy();
        var list = copy.withArray("recommendations");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (needIds.contains(list.get(i).path("needId").asText())) {
                list.remove(i);
            }
        }
        return copy;
    }

    // ------------------------------------------------------------------------------------------------ calls

    private String openNeed(String[] enterprise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", AMOUNT);
        body.put("termMonths", TERM);
        body.put("purpose", "RND");
        body.put("guaranteeTypes", List.of("CREDIT"));
        body.put("maxAnnualRate", 7.77);
        body.put("neededBy", LocalDate.now().plusMonths(3).toString());
        String id = created(Http.postJson(Stack.ENTERPRISE.url() + "/api/v1/enterprises/" + enterprise[1]
                + "/financing-needs", token(enterprise[0]), body));
        needs.add(id);
        return id;
    }

    private void withdrawNeeds(Map<Integer, List<String[]>> byPartition) {
        for (List<String[]> enterprises : byPartition.values()) {
            for (String[] e : enterprises) {
                JsonNode list = Http.get(Stack.ENTERPRISE.url() + "/api/v1/enterprises/" + e[1]
                        + "/financing-needs?size=200", token(e[0])).json();
                for (JsonNode n : list.path("items")) {
                    if (needs.contains(n.path("id").asText()) && "OPEN".equals(n.path("status").asText())) {
                        Http.postJson(Stack.ENTERPRISE.url() + "/api/v1/enterprises/" + e[1] + "/financing-needs/"
                                + n.path("id").asText() + "/withdraw", token(e[0]), "{}");
                    }
                }
            }
        }
    }

    /** A product only this test's needs qualify for: three hard rules on what they ask (others fail all three). */
    private static Map<String, Object> productBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "scale-out test " + System.currentTimeMillis());
        body.put("type", "TECH_LOAN");
        body.put("minAmount", 10000);
        body.put("maxAmount", 50_000_000);
        body.put("minTermMonths", 1);
        body.put("maxTermMonths", 120);
        body.put("minAnnualRate", 2.1);
        body.put("maxAnnualRate", 6.0);
        body.put("guaranteeTypes", List.of("CREDIT"));
        // and a soft rule they pass, so that it ranks near the top of their lists
        body.put("rules", List.of(rule("termMonths", "EQ", TERM, true), rule("maxAnnualRate", "EQ", 7.77, true),
                rule("amount", "EQ", AMOUNT, true), rule("termMonths", "EQ", TERM, false)));
        return body;
    }

    private static Map<String, Object> rule(String field, String operator, Object value, boolean hard) {
        return Map.of("field", field, "operator", operator, "value", value, "hard", hard, "weight", hard ? 0 : 100,
                "message", Map.of("zh", "扩容测试", "en", "scale-out test only"));
    }

    /** One enterprise's recommendations from one instance, without the times of reading; null if it does not answer. */
    private JsonNode read(String url, String[] enterprise) {
        try {
            Http.Response r = Http.get(url + "/api/v1/recommendations/me", token(enterprise[0]));
            if (r.status() != 200) {
                return null;
            }
            ObjectNode body = (ObjectNode) r.json();
            body.remove("asOf");
            body.path("recommendations").forEach(n -> ((ObjectNode) n).remove("asOf"));
            return body;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null || System.currentTimeMillis() - Long.parseLong(cached[1]) > 60_000) {
            cached = new String[] {Tokens.forUser(user), Long.toString(System.currentTimeMillis())};
            tokens.put(user, cached);
        }
        return cached[0];
    }

    private static String created(Http.Response r) {
        assertEquals(201, r.status(), r.brief());
        return r.json().path("id").asText();
    }

    private static boolean answers(String url) {
        try {
            return Http.answers200(url);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA_BOOTSTRAP);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }

    private static boolean matched(Stack.Pg pg, String need, String product) {
        try {
            return count(pg, "select count(*) from match where need_id = '" + need + "' and product_id = '" + product
                    + "'") == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(Stack.Pg pg, String sql) throws SQLException {
        return Long.parseLong(column(pg, sql).get(0));
    }

    private static List<String> column(Stack.Pg pg, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("matching"), pg.user(), pg.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
