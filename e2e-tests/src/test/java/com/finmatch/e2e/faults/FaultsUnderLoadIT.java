package com.finmatch.e2e.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import com.finmatch.e2e.RealStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §2, faults under load, on the real local stack (127.0.0.1 only): a few hundred enterprises open a few
 * thousand financing needs and applications concurrently while, in turn, the Kafka broker is killed and restarted,
 * matching-service is killed ({@code kill -9}) and restarted, and PostgreSQL (the one server holding the three
 * services' databases) is shut down and started again. Afterwards, with no manual step: every write that got a 2xx
 * is stored and nothing of a refused one; every refusal was a clear 503/429 problem+json with {@code Retry-After};
 * every event reached every consumer and every read model holds each aggregate once, as its owner does; every open
 * need has its recommendations; no dead letter, no unsent outbox row, no consumer lag; and replaying every topic
 * into matching-service changes nothing. The figures are printed. Sizes: {@code -Dfaults.enterprises} (300),
 * {@code -Dfaults.needs} (8 per enterprise), {@code -Dfaults.applications} (4 per enterprise),
 * {@code -Dfaults.rate} (12 writes per second: the load lasts about 300 s, long enough for
 * the three faults and their recoveries on a 2-core machine), {@code -Dfaults.threads} (8).
 */
@ExtendWith(RealStack.class)
class FaultsUnderLoadIT {

    private static final int ENTERPRISES = Integer.getInteger("faults.enterprises", 300);
    private static final int NEEDS = Integer.getInteger("faults.needs", 8);
    private static final int APPLICATIONS = Integer.getInteger("faults.applications", 4);
    private static final int THREADS = Integer.getInteger("faults.threads", 8);
    private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "12"));
    private static final String MATCHING = Stack.MATCHING.url() + "/api/v1";

    private final List<String> problems = new ArrayList<>();

    @Test
    void shouldLoseNothingAndApplyEveryEventOnceWhileKafkaMatchingAndPostgresFailUnderLoad() throws Exception {
        Stack stack = RealStack.stack();
        String runId = String.format("%02d", ThreadLocalRandom.current().nextInt(100));
        Load load = new Load(ENTERPRISES, NEEDS, APPLICATIONS, THREADS, RATE, runId);
        long t0 = System.nanoTime();
        load.prepare();
        System.out.printf("LOAD prepared in %.0f s: %d enterprises (+1 probe), %d needs and %d applications planned,"
                + " %d threads, %.0f writes/s%n", secondsSince(t0), ENTERPRISES, ENTERPRISES * NEEDS,
                ENTERPRISES * APPLICATIONS, THREADS, RATE);

        long loadStart = System.nanoTime();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                load.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Faults faults = new Faults(stack, load);
        faults.injectWhileLoading(() -> running.isDone() ? 1.0 : load.progress());
        running.join();
        double loadSeconds = secondsSince(loadStart);
        List<Faults.Recovery> recoveries = faults.recoveries();

        try (StackState state = new StackState(stack)) {
            long settleStart = System.nanoTime();
            await("every outbox row published and every consumer group caught up").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> state.unsentOutboxRows() == 0 && state.lag().values().stream().allMatch(Map::isEmpty));
            double settleSeconds = secondsSince(settleStart);

            checkRefusals(load.ledger);
            Map<Integer, List<JsonNode>> needsRead = checkReadBack(load);
            checkReadModels(state);
            Map<String, Integer> missingByConsumer = checkEveryEventReachedEveryConsumer(state);
            checkRecommendations(load, needsRead);
            Map<String, Long> deadLetters = state.deadLetters();
            check(deadLetters.isEmpty(), "dead letters: " + deadLetters);
            long parked = 0;
            for (String db : List.of("enterprise", "loan", "matching")) {
                parked += state.count(db, "select count(*) from outbox_event where parked_at is not null");
            }
            check(parked == 0, parked + " outbox rows parked");

            String duplicates = duplicatesSkipped(faults);
            printFigures(load, state, recoveries, loadSeconds, settleSeconds, deadLetters, missingByConsumer, duplicates);
            checkReplayChangesNothing(load, state);
        }
        for (Faults.Recovery r : recoveries) {
            check(!Double.isNaN(r.endToEnd()), "no recovery within 5 minutes after: " + r.fault());
            check(r.atProgress() < 1.0, "came after the load had ended (make the load longer): " + r.fault());
        }
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n  " + problems.stream().limit(40)
                .collect(Collectors.joining("\n  ")));
    }

    // ------------------------------------------------------------------------------------------------- checks

    /** Every refused write was a clear 503 (or 429) problem+json with Retry-After, never a 500 or a bare answer. */
    private void checkRefusals(Ledger ledger) {
        for (Ledger.Write w : ledger.refused()) {
            check(w.clearRefusal(), "refused " + w.kind() + " of enterprise " + w.enterprise() + " is no clear"
                    + " refusal (content type " + w.contentType() + ", Retry-After " + w.retryAfter() + "): " + w.brief());
        }
    }

    /**
     * Each enterprise's needs and applications, read back through the API, are exactly its accepted writes: every
     * 2xx is stored, nothing of a refused write is (a refused need's amount is among none of the stored ones).
     */
    private Map<Integer, List<JsonNode>> checkReadBack(Load load) {
        Map<Integer, List<JsonNode>> needsOf = new TreeMap<>();
        Map<Integer, List<Ledger.Write>> writesOf = load.ledger.all().stream()
                .collect(Collectors.groupingBy(Ledger.Write::enterprise));
        for (int e = 0; e <= load.enterprises; e++) {
            String token = load.users.token(e);
            List<Ledger.Write> writes = writesOf.getOrDefault(e, List.of());
            Http.Response needs = Http.get(Load.ENTERPRISES + "/" + load.enterpriseIds.get(e)
                    + "/financing-needs?size=200", token);
            check(needs.status() == 200, "needs of enterprise " + e + ": " + needs.brief());
            List<JsonNode> items = new ArrayList<>();
            needs.json().path("items").forEach(items::add);
            needsOf.put(e, items);
            Set<String> storedIds = items.stream().map(n -> n.path("id").asText()).collect(Collectors.toSet());
            Set<String> storedAmounts = items.stream().map(n -> Integer.toString(n.path("amount").intValue()))
                    .collect(Collectors.toSet());
            Set<String> acceptedNeeds = writes.stream().filter(w -> w.kind() != Ledger.Kind.APPLICATION && w.accepted())
                    .map(Ledger.Write::id).collect(Collectors.toSet());
            check(storedIds.equals(acceptedNeeds), "enterprise " + e + ": needs stored " + storedIds.size()
                    + " ≠ accepted " + acceptedNeeds.size() + " (lost: " + minus(acceptedNeeds, storedIds)
                    + ", stored without a 2xx: " + minus(storedIds, acceptedNeeds) + ")");
            writes.stream().filter(w -> w.kind() != Ledger.Kind.APPLICATION && !w.accepted())
                    .filter(w -> storedAmounts.contains(w.key()))
                    .forEach(w -> problems.add("enterprise " + w.enterprise() + ": a refused need (amount " + w.key()
                            + ", " + w.status() + ") was stored"));

            Http.Response apps = Http.get(Load.APPLICATIONS + "/mine?size=200", token);
            check(apps.status() == 200, "applications of enterprise " + e + ": " + apps.brief());
            Set<String> storedApps = new HashSet<>();
            Set<String> storedPairs = new HashSet<>();
            apps.json().path("items").forEach(a -> {
                storedApps.add(a.path("id").asText());
                storedPairs.add(a.path("financingNeedId").asText() + "/" + a.path("productId").asText());
            });
            Set<String> acceptedApps = writes.stream().filter(w -> w.kind() == Ledger.Kind.APPLICATION && w.accepted())
                    .map(Ledger.Write::id).collect(Collectors.toSet());
            check(storedApps.equals(acceptedApps), "enterprise " + e + ": applications stored " + storedApps.size()
                    + " ≠ accepted " + acceptedApps.size() + " (lost: " + minus(acceptedApps, storedApps)
                    + ", stored without a 2xx: " + minus(storedApps, acceptedApps) + ")");
            writes.stream().filter(w -> w.kind() == Ledger.Kind.APPLICATION && !w.accepted())
                    .filter(w -> storedPairs.contains(w.key()))
                    .forEach(w -> problems.add("a refused application (" + w.key() + ", " + w.status() + ") was stored"));
        }
        return needsOf;
    }

    /** Each aggregate is in every read model once, with its owner's status (compared by id, over all data). */
    private void checkReadModels(StackState state) {
        Set<String> enterprises = state.column("enterprise", "select id from enterprise");
        same("enterprises in matching-service's enterprise_rm", enterprises,
                state.column("matching", "select id from enterprise_rm"));
        Set<String> needs = new HashSet<>(state.rows("enterprise", "select id, status from financing_need"));
        Set<String> needRm = new HashSet<>(state.rows("matching",
                "select id, status from need_rm where id not in (select id from need_rm where kind = 'PROJECT')"));
        same("financing needs (id|status) in matching-service's need_rm", needs, needRm);
        Set<String> applications = state.column("enterprise", "select id from application");
        // the demo history's past applications (devstack's DemoHistory, seeded as events only) are matching-service's
        // alone: their ids are name-based (UUID version 3), the services' random (version 4)
        same("applications in matching-service's application_rm", applications,
                state.column("matching", "select id from application_rm where substr(id::text, 15, 1) <> '3'"));
        same("applications in loan-service's leads", applications, state.column("loan", "select id from lead"));
    }

    /** Every event each service published is in the inbox of every service consuming its topic. */
    private Map<String, Integer> checkEveryEventReachedEveryConsumer(StackState state) {
        Map<String, String> producerOf = Map.of("enterprise.events", "enterprise", "application.events", "enterprise",
                "product.events", "loan", "lead.events", "loan", "match.events", "matching");
        Map<String, List<String>> consumed = Map.of(
                "enterprise", List.of("product.events", "lead.events", "match.events"),
                "loan", List.of("application.events", "enterprise.events"),
                "matching", List.of("enterprise.events", "application.events", "product.events", "lead.events"));
        Map<String, Integer> missingByConsumer = new TreeMap<>();
        consumed.forEach((consumer, topics) -> {
            Set<String> inbox = state.column(consumer, "select event_id from inbox_event");
            for (String topic : topics) {
                Set<String> published = state.column(producerOf.get(topic),
                        "select id from outbox_event where topic = '" + topic + "'");
                Set<String> missing = minus(published, inbox);
                missingByConsumer.put(consumer + " ← " + topic, missing.size());
                check(missing.isEmpty(), missing.size() + " of " + published.size() + " events of " + topic
                        + " never reached " + consumer + "-service: " + missing.stream().limit(5).toList());
            }
        });
        return missingByConsumer;
    }

    /** Every open need of every enterprise of the load is in its recommendations. */
    private void checkRecommendations(Load load, Map<Integer, List<JsonNode>> needsOf) {
        needsOf.forEach((e, needs) -> {
            Set<String> open = needs.stream().filter(n -> "OPEN".equals(n.path("status").asText()))
                    .map(n -> n.path("id").asText()).collect(Collectors.toSet());
            Set<String> recommended = new HashSet<>();
            Http.get(MATCHING + "/recommendations/me", load.users.token(e)).json().path("recommendations")
                    .forEach(r -> recommended.add(r.path("needId").asText()));
            Set<String> without = minus(open, recommended);
            check(without.isEmpty(), "enterprise " + e + ": open needs without recommendations: " + without);
        });
    }

    /** matching-service's replay of every topic from the beginning leaves read models and recommendations as they were. */
    private void checkReplayChangesNothing(Load load, StackState state) {
        Map<String, List<String>> before = matchingSnapshot(load, state);
        String admin = Tokens.forUser("admin1");
        // refused (409) while the group still lists a member of the killed instance, until its session times out
        Http.Response started = await("the replay accepted").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.postJson(MATCHING + "/admin/replay", admin, Map.of()), r -> r.status() != 409);
        assertEquals(202, started.status(), "replay: " + started.brief());
        String jobId = started.json().path("jobId").asText();
        long t0 = System.nanoTime();
        JsonNode job = await("the replay job").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Http.get(MATCHING + "/admin/replay/" + jobId, admin).json(),
                        j -> "DONE".equals(j.path("state").asText()) || "FAILED".equals(j.path("state").asText()));
        System.out.printf("REPLAY %s in %.0f s: %s%n", job.path("state").asText(), secondsSince(t0), job);
        check("DONE".equals(job.path("state").asText()), "the replay ended " + job);
        Map<String, List<String>> after = matchingSnapshot(load, state);
        before.forEach((what, rows) -> {
            List<String> now = after.get(what);
            Set<String> gone = minus(new HashSet<>(rows), new HashSet<>(now));
            Set<String> added = minus(new HashSet<>(now), new HashSet<>(rows));
            check(rows.equals(now), "the replay changed " + what + ": " + rows.size() + " rows before, " + now.size()
                    + " after; gone " + gone.stream().limit(3).toList() + ", new " + added.stream().limit(3).toList());
        });
        System.out.printf("REPLAY compared: %s%n", before.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")));
    }

    private Map<String, List<String>> matchingSnapshot(Load load, StackState state) {
        Map<String, List<String>> s = new TreeMap<>();
        s.put("enterprise_rm", state.rows("matching", "select id, version, payload from enterprise_rm order by id"));
        s.put("need_rm", state.rows("matching",
                "select id, enterprise_id, kind, amount, term_months, status, payload from need_rm order by id"));
        s.put("application_rm", state.rows("matching",
                "select id, need_id, product_id, bank_id, status from application_rm order by id"));
        s.put("product_rm", state.rows("matching", "select * from product_rm order by 1"));
        s.put("match", state.rows("matching",
                "select need_id, product_id, rank, score from match order by need_id, product_id"));
        List<String> recommendations = new ArrayList<>();
        for (int e = 0; e <= load.enterprises; e++) {
            JsonNode r = Http.get(MATCHING + "/recommendations/me", load.users.token(e)).json();
            recommendations.add(withoutAsOf(r).toString());
        }
        s.put("recommendations of the load's enterprises", recommendations);
        return s;
    }

    private static JsonNode withoutAsOf(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("asOf");
            o.forEach(FaultsUnderLoadIT::withoutAsOf);
        } else if (n.isArray()) {
            n.forEach(FaultsUnderLoadIT::withoutAsOf);
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------- figures

    private void printFigures(Load load, StackState state, List<Faults.Recovery> recoveries, double loadSeconds,
                              double settleSeconds, Map<String, Long> deadLetters, Map<String, Integer> missing,
                              String duplicates) {
        Ledger l = load.ledger;
        StringBuilder b = new StringBuilder("\nFAULTS UNDER LOAD — figures\n");
        b.append(String.format("  load: %d enterprises (+1 probe), %d writes sent in %.0f s (%d threads, %.0f/s paced)%n",
                load.enterprises, l.count(), loadSeconds, THREADS, RATE));
        b.append(String.format("  writes accepted: %d needs, %d applications, %d probe needs%n",
                l.accepted(Ledger.Kind.NEED).size(), l.accepted(Ledger.Kind.APPLICATION).size(),
                l.accepted(Ledger.Kind.PROBE).size()));
        b.append("  writes refused (status → count, probes included): ").append(l.refusedByStatus()).append('\n');
        for (String db : List.of("enterprise", "loan", "matching")) {
            b.append(String.format("  %s-service: events published (outbox rows sent) %d, consumed (inbox rows) %d%n",
                    db, state.count(db, "select count(*) from outbox_event where sent_at is not null"),
                    state.count(db, "select count(*) from inbox_event")));
        }
        b.append("  events missing at a consumer: ").append(missing).append('\n');
        b.append("  duplicates suppressed (redelivered records the inboxes skipped, finmatch_inbox_duplicates_total): ")
                .append(duplicates).append('\n');
        b.append("  dead letters: ").append(deadLetters.isEmpty() ? "0" : deadLetters).append('\n');
        for (Faults.Recovery r : recoveries) {
            b.append(String.format("  %s (at %.0f %% of the load): back after %.1f s, a probe write accepted after"
                    + " %.1f s, that need recommended after %.1f s%n", r.fault(), r.atProgress() * 100, r.back(),
                    r.writesAccepted(), r.endToEnd()));
        }
        b.append(String.format("  after the load: outbox empty and consumer lag zero within %.1f s%n", settleSeconds));
        System.out.println(b);
    }

    /** Per service since its start, plus what the killed matching-service process had counted before its kill. */
    private static String duplicatesSkipped(Faults faults) {
        Map<String, Long> per = new TreeMap<>();
        for (Stack.App app : List.of(Stack.ENTERPRISE, Stack.LOAN, Stack.MATCHING)) {
            per.put(app.module(), StackState.duplicatesSkipped(app));
        }
        per.put("matching-service before its kill", faults.duplicatesBeforeKill);
        if (per.values().stream().anyMatch(v -> v < 0)) {
            return "not exported by every service " + per;
        }
        return per.values().stream().mapToLong(Long::longValue).sum() + " " + per;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void same(String what, Set<String> expected, Set<String> actual) {
        check(expected.equals(actual), what + ": " + expected.size() + " expected, " + actual.size() + " there; missing "
                + minus(expected, actual).stream().limit(5).toList() + ", extra "
                + minus(actual, expected).stream().limit(5).toList());
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
