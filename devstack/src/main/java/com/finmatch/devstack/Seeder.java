package com.finmatch.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds the demo data of {@code demo-data.json} through the public APIs of CONTRACT.md, idempotently: what exists is
 * skipped (a 409 means "already there"), and an endpoint that does not exist yet (404/405) is reported, not fatal.
 */
public final class Seeder {
    private static final String LOAN = Stack.LOAN.url() + "/api/v1";
    private static final String ENTERPRISE = Stack.ENTERPRISE.url() + "/api/v1";

    private final JsonNode data;
    private final Report report = new Report();
    /** The seeded enterprises' ids, for the demo history. */
    private final List<String> enterpriseIds = java.util.Collections.synchronizedList(new ArrayList<>());

    public Seeder() {
        try {
            this.data = DemoDates.shiftToToday(Http.JSON.readTree(Stack.readResource("demo-data.json")),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        } catch (IOException e) {
            throw new StackException("demo-data.json is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Per kind of thing: how many were created, already there, failed; and why a kind could not be seeded. */
    public static final class Report {
        private final Map<String, Tally> tallies = new LinkedHashMap<>();

        Tally tally(String kind) {
            return tallies.computeIfAbsent(kind, Tally::new);
        }

        public Map<String, Tally> tallies() {
            return tallies;
        }

        public boolean complete() {
            return tallies.values().stream().allMatch(t -> t.failed == 0 && t.blocked == null);
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Tally t : tallies.values()) {
                if (t.created + t.existing + t.failed == 0 && t.blocked == null) {
                    continue; // nothing to say (e.g. nothing to publish)
                }
                lines.add(t.toString());
            }
            return lines;
        }
    }

    /** Counts for one kind of demo data. */
    public static final class Tally {
        final String kind;
        int created;
        int existing;
        int failed;
        String blocked;
        final List<String> notes = new ArrayList<>();

        Tally(String kind) {
            this.kind = kind;
        }

        public int created() {
            return created;
        }

        public int existing() {
            return existing;
        }

        public int failed() {
            return failed;
        }

        synchronized void add(int newOnes, int existingOnes) {
            created += newOnes;
            existing += existingOnes;
        }

        synchronized void block(String why) {
            if (blocked == null) {
                blocked = why;
            }
        }

        synchronized boolean isBlocked() {
            return blocked != null;
        }

        synchronized void fail(String what, Http.Response r) {
            failed++;
            if (notes.size() < 3) {
                notes.add(what + " → " + r.brief());
            }
        }

        @Override
        public synchronized String toString() {
            StringBuilder sb = new StringBuilder(String.format("   %-17s %3d created, %3d already there", kind, created, existing));
            if (failed > 0) {
                sb.append(", ").append(failed).append(" failed");
            }
            if (blocked != null) {
                sb.append(" — ").append(blocked);
            }
            for (String n : notes) {
                sb.append(System.lineSeparator()).append("        ").append(n);
            }
            return sb.toString();
        }
    }

    /** Outcome of one POST of a new thing. */
    private enum Outcome { CREATED, EXISTS, MISSING_ENDPOINT, FAILED }

    public Report seed() {
        Console.info("finmatch: seeding demo data through the public APIs …");
        long t0 = System.nanoTime();
        String admin;
        try {
            admin = Tokens.forUser("admin1");
        } catch (RuntimeException e) {
            report.tally("everything").block("no admin token: " + e.getMessage());
            print(t0);
            return report;
        }
        seedBanks(admin);
        Map<String, String> toolIds = seedPolicyTools(admin);
        seedTrainingOffers(admin);
        seedProducts(toolIds);
        seedEnterprises();
        seedHistory();
        print(t0);
        return report;
    }

    private void print(long t0) {
        report.lines().forEach(Console::info);
        Console.info("   seeding took " + (System.nanoTime() - t0) / 1_000_000L + " ms");
    }

    // -------------------------------------------------------------------------------------------------- loan-service

    private void seedBanks(String admin) {
        Tally t = report.tally("banks");
        for (JsonNode bank : data.path("banks")) {
            if (create(t, LOAN + "/banks", admin, bank, "bank " + bank.path("bankId").asText()).isEmpty()) {
                return;
            }
        }
    }

    private Map<String, String> seedPolicyTools(String admin) {
        Tally t = report.tally("policy tools");
        Map<String, String> ids = existingByKey(LOAN + "/policy-tools?size=200", null, "name");
        for (JsonNode tool : data.path("policyTools")) {
            String name = tool.path("name").asText();
            if (ids.containsKey(name)) {
                t.add(0, 1);
                continue;
            }
            Optional<Http.Response> r = create(t, LOAN + "/policy-tools", admin, tool, "policy tool " + name);
            if (r.isEmpty()) {
                break;
            }
            idOf(r.get()).ifPresent(id -> ids.put(name, id));
        }
        return ids;
    }

    private void seedTrainingOffers(String admin) {
        Tally t = report.tally("training offers");
        Map<String, String> existing = existingByKey(LOAN + "/training-offers?size=200", null, "title");
        for (JsonNode offer : data.path("trainingOffers")) {
            if (existing.containsKey(offer.path("title").asText())) {
                t.add(0, 1);
                continue;
            }
            if (create(t, LOAN + "/training-offers", admin, offer, "training offer " + offer.path("title").asText()).isEmpty()) {
                return;
            }
        }
    }

    private void seedProducts(Map<String, String> toolIds) {
        Tally t = report.tally("products");
        Tally published = report.tally("published");
        Map<String, String> tokens = new HashMap<>();
        Map<String, Map<String, String>> catalogue = new HashMap<>();
        for (JsonNode product : data.path("products")) {
            String bankId = product.path("bank").asText();
            String clientId = "bank-" + bankId.toLowerCase();
            String token;
            try {
                token = tokens.computeIfAbsent(bankId, b -> Tokens.forClient(clientId));
            } catch (RuntimeException e) {
                t.block("no token for " + clientId + ": " + e.getMessage());
                return;
            }
            Map<String, String> mine = catalogue.computeIfAbsent(bankId, b ->
                    existingByKey(LOAN + "/products?size=200&bankId=" + enc(b), null, "name"));
            String name = product.path("name").asText();
            if (mine.containsKey(name)) {
                t.add(0, 1);
                continue;
            }
            ObjectNode body = ((ObjectNode) product.deepCopy());
            body.remove("bank");
            body.remove("policyTools");
            body.put("bankId", bankId);
            var ids = body.putArray("policyToolIds");
            for (JsonNode toolName : product.path("policyTools")) {
                Optional.ofNullable(toolIds.get(toolName.asText())).ifPresent(ids::add);
            }
            Optional<Http.Response> r = create(t, LOAN + "/products", token, body, "product " + bankId + " " + name);
            if (r.isEmpty()) {
                return;
            }
            Optional<String> id = idOf(r.get());
            if (r.get().status() == 409 || id.isEmpty()) {
                continue;
            }
            Http.Response pub = Http.postJson(LOAN + "/products/" + id.get() + "/publish", token, "{}");
            if (pub.ok()) {
                published.add(1, 0);
            } else if (pub.status() == 409) {
                published.add(0, 1);
            } else {
                published.fail("publish " + name, pub);
            }
        }
    }

    // -------------------------------------------------------------------------------------------- enterprise-service

    private void seedEnterprises() {
        Tally t = report.tally("enterprises");
        Tally needs = report.tally("financing needs");
        Tally consents = report.tally("consents");
        // four at a time: most of the time goes to waiting on the services
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (JsonNode e : data.path("enterprises")) {
                running.add(pool.submit(() -> {
                    if (!t.isBlocked()) {
                        seedEnterprise(e, t, needs, consents);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            t.block("seeding failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void seedEnterprise(JsonNode e, Tally t, Tally needs, Tally consents) {
        String user = e.path("user").asText();
        String token;
        try {
            token = Tokens.forUser(user);
        } catch (RuntimeException ex) {
            t.block("no token for " + user + ": " + ex.getMessage());
            return;
        }
        Optional<String> id = Optional.empty();
        Http.Response me = Http.get(ENTERPRISE + "/enterprises/me", token);
        if (me.status() == 200) {
            t.add(0, 1);
            id = idOf(me);
        } else if (me.status() == -1) {
            t.block("enterprise-service not reachable at " + ENTERPRISE);
            return;
        } else {
            ObjectNode body = ((ObjectNode) e.deepCopy());
            body.remove(List.of("user", "financingNeeds", "consents"));
            Optional<Http.Response> r = create(t, ENTERPRISE + "/enterprises", token, body, "enterprise of " + user);
            if (r.isEmpty()) {
                return;
            }
            if (r.get().status() == 409) {
                Http.Response again = Http.get(ENTERPRISE + "/enterprises/me", token);
                if (again.status() != 200) {
                    t.add(0, -1);
                    t.fail("enterprise of " + user + ": its USCC belongs to another owner (the local data predates"
                            + " this realm's user ids? ./finmatch down && ./finmatch reset)", r.get());
                    return;
                }
                id = idOf(again);
            } else {
                id = idOf(r.get());
            }
        }
        if (id.isEmpty()) {
            return;
        }
        enterpriseIds.add(id.get());
        String base = ENTERPRISE + "/enterprises/" + id.get();
        if (!needs.isBlocked()) {
            seedChildren(needs, base + "/financing-needs", token, e.path("financingNeeds"), user);
        }
        if (!consents.isBlocked()) {
            seedChildren(consents, base + "/consents", token, e.path("consents"), user);
        }
    }

    /** Creates the children (needs, consents) of one enterprise unless it already has some. */
    private void seedChildren(Tally t, String url, String token, JsonNode items, String user) {
        if (items.isEmpty()) {
            return;
        }
        Http.Response list = Http.get(url, token);
        if (list.ok() && !items(list.json()).isEmpty()) {
            t.add(0, items.size());
            return;
        }
        for (JsonNode item : items) {
            if (create(t, url, token, item, t.kind + " of " + user).isEmpty()) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- demo history

    /**
     * The last step: twelve months of past applications and lead steps ({@link DemoHistory}) on the seeded enterprises
     * and the published catalogue, published to Kafka as the services' relays would, with their own past times. Only
     * matching-service keeps them (its KPI series, dashboard trend and scorecards); enterprise-service and loan-service
     * skip them. Re-seeding sends the same events with the same ce_ids, which the inboxes ignore.
     */
    private void seedHistory() {
        Tally t = report.tally("history events");
        List<DemoHistory.Product> products = new ArrayList<>();
        Http.Response catalogue = Http.get(LOAN + "/products?size=200", null);
        if (catalogue.ok()) {
            for (JsonNode p : items(catalogue.json())) {
                products.add(new DemoHistory.Product(p.path("id").asText(), p.path("bankId").asText()));
            }
        }
        List<String> enterprises;
        synchronized (enterpriseIds) {
            enterprises = List.copyOf(enterpriseIds);
        }
        if (products.isEmpty() || enterprises.isEmpty()) {
            t.block("no published products or no enterprises: no history");
            return;
        }
        List<DemoHistory.Event> events = DemoHistory.generate(enterprises, products, java.time.Instant.now());
        long applications = events.stream().filter(e -> e.name().equals("ApplicationSubmitted")).count();
        Console.info("   demo history: publishing " + events.size() + " events (" + applications
                + " applications over the last " + DemoHistory.MONTHS + " months) to Kafka at " + Stack.KAFKA_BOOTSTRAP
                + " …");
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA_BOOTSTRAP);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "finmatch-demo-history");
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (DemoHistory.Event e : events) {
                if (failure.get() != null) {
                    break; // Kafka refused or is not there: one wait of max.block.ms, not one per event
                }
                ProducerRecord<String, String> r = new ProducerRecord<>(e.topic(), e.key(), e.data().toString());
                header(r, "ce_specversion", "1.0");
                header(r, "ce_id", e.ceId());
                header(r, "ce_type", e.type());
                header(r, "ce_source", DemoHistory.SOURCE);
                header(r, "ce_time", e.time().toString());
                header(r, "ce_subject", e.key());
                header(r, "content-type", "application/json");
                producer.send(r, (metadata, error) -> {
                    if (error == null) {
                        sent.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        t.add(sent.get(), 0);
        if (failure.get() != null) {
            t.block((events.size() - sent.get()) + " not sent: " + failure.get().getMessage());
        } else {
            t.notes.add("(" + applications + " applications; a re-seed sends the same ce_ids, which the inboxes"
                    + " ignore; in matching-service's KPIs only)");
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** POSTs one new thing; empty when the endpoint is missing (404/405) or the service is unreachable. */
    private Optional<Http.Response> create(Tally t, String url, String token, JsonNode body, String what) {
        Http.Response r = Http.postJson(url, token, body);
        switch (outcome(r)) {
            case CREATED -> t.add(1, 0);
            case EXISTS -> t.add(0, 1);
            case MISSING_ENDPOINT -> {
                t.block(r.status() == -1 ? "not reachable: POST " + url
                        : "POST " + path(url) + " answers " + r.status() + " (not there yet?)");
                return Optional.empty();
            }
            case FAILED -> t.fail(what, r);
        }
        return Optional.of(r);
    }

    private static Outcome outcome(Http.Response r) {
        if (r.ok()) {
            return Outcome.CREATED;
        }
        if (r.status() == 409) {
            return Outcome.EXISTS;
        }
        if (r.status() == 404 || r.status() == 405 || r.status() == -1) {
            return Outcome.MISSING_ENDPOINT;
        }
        return Outcome.FAILED;
    }

    /** key value → id of the items of a list endpoint ({items:[…]} or a bare array); empty when it fails. */
    private static Map<String, String> existingByKey(String url, String token, String key) {
        Map<String, String> out = new HashMap<>();
        Http.Response r = Http.get(url, token);
        if (r.ok()) {
            for (JsonNode item : items(r.json())) {
                out.put(item.path(key).asText(), item.path("id").asText(""));
            }
        }
        return out;
    }

    private static List<JsonNode> items(JsonNode page) {
        JsonNode arr = page.isArray() ? page : page.path("items");
        List<JsonNode> list = new ArrayList<>();
        arr.forEach(list::add);
        return list;
    }

    /** The new object's id: the body's "id", else the last segment of Location. */
    private static Optional<String> idOf(Http.Response r) {
        String id = r.json().path("id").asText("");
        if (!id.isEmpty()) {
            return Optional.of(id);
        }
        String location = r.header("Location");
        if (location != null && location.contains("/")) {
            return Optional.of(location.substring(location.lastIndexOf('/') + 1));
        }
        return Optional.empty();
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
