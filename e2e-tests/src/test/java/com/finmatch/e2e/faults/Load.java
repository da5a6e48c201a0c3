package com.finmatch.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import com.finmatch.devstack.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load: {@code enterprises} enterprise users, each registering its enterprise, then opening {@code needs}
 * financing needs and applying for a published product with the first {@code applications} of them, needs and
 * applications interleaved, on a bounded pool at a bounded rate. Each write is sent once (no retry: a refused one
 * must have stored nothing) and recorded in the {@link Ledger}.
 */
final class Load {
    static final String ENTERPRISES = Stack.ENTERPRISE.url() + "/api/v1/enterprises";
    static final String APPLICATIONS = Stack.ENTERPRISE.url() + "/api/v1/applications";

    final int enterprises;
    final int needs;
    final int applications;
    private final int threads;
    private final double writesPerSecond;
    final LoadUsers users;
    final Ledger ledger = new Ledger();
    /** enterprise index → its id (registered in {@link #prepare}). */
    final Map<Integer, String> enterpriseIds = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong nextSlot = new AtomicLong();
    private List<String> products;
    private final String runId;

    Load(int enterprises, int needs, int applications, int threads, double writesPerSecond, String runId) {
        this.enterprises = enterprises;
        this.needs = needs;
        this.applications = applications;
        this.threads = threads;
        this.writesPerSecond = writesPerSecond;
        this.runId = runId;
        this.users = new LoadUsers("fl" + runId + "-");
    }

    int plannedWrites() {
        return enterprises * (needs + applications);
    }

    /** Writes answered so far, as a share of the planned ones. */
    double progress() {
        return done.get() / (double) plannedWrites();
    }

    /** Users 0..enterprises (the last one is the fault probe's), their tokens and enterprises; the catalogue. */
    void prepare() throws Exception {
        JsonNode role = users.enterpriseRole();
        parallel(enterprises + 1, i -> users.create(i, role));
        parallel(enterprises + 1, i -> {
            Http.Response r = Http.postJson(ENTERPRISES, users.token(i), enterpriseBody(i));
            assertEquals(201, r.status(), "enterprise of " + users.name(i) + ": " + r.brief());
            enterpriseIds.put(i, r.json().path("id").asText());
        });
        JsonNode catalogue = Http.get(Stack.LOAN.url() + "/api/v1/products?size=200", null).json().path("items");
        // Not the products of bank1's bank: the suites that run next on the same stack (PortalJourneyIT, StoredXssIT)
        // wait for their new lead in bank1's inbox, earliest due first; the load's leads (about 240 a bank, all due
        // earlier) would push it past the inbox's first page and the API's 200.
        String keptFree = Tokens.claims(Tokens.forUser("bank1")).path("bank_id").asText();
        products = new ArrayList<>();
        catalogue.forEach(p -> {
            if (!keptFree.equals(p.path("bankId").asText())) {
                products.add(p.path("id").asText());
            }
        });
        assertTrue(products.size() >= 2, "the demo catalogue has published products: " + catalogue);
    }

    int probeEnterprise() {
        return enterprises;
    }

    /** Runs the whole load; returns when every planned write has been answered. */
    void run() throws Exception {
        nextSlot.set(System.nanoTime());
        parallel(enterprises, this::writesOf);
    }

    private void writesOf(int e) {
        String token = users.token(e);
        String needsUrl = ENTERPRISES + "/" + enterpriseIds.get(e) + "/financing-needs";
        for (int n = 0; n < needs; n++) {
            pace();
            String amount = Integer.toString(amountOf(n));
            Ledger.Write need = ledger.record(Ledger.Kind.NEED, e, amount, Http.postJson(needsUrl, token, needBody(n)));
            done.incrementAndGet();
            if (n < applications) {
                pace();
                if (need.accepted()) {
                    String product = products.get((e + n) % products.size());
                    ledger.record(Ledger.Kind.APPLICATION, e, need.id() + "/" + product, Http.postJson(APPLICATIONS, token,
                            Map.of("financingNeedId", need.id(), "productId", product)));
                }
                done.incrementAndGet();
            }
        }
    }

    /** One probe need of the probe enterprise, recorded like any other write. */
    Ledger.Write probe(int seq) {
        String url = ENTERPRISES + "/" + enterpriseIds.get(probeEnterprise()) + "/financing-needs";
        return ledger.record(Ledger.Kind.PROBE, probeEnterprise(), Integer.toString(amountOf(seq)),
                Http.postJson(url, users.token(probeEnterprise()), needBody(seq)));
    }

    /** Unique within an enterprise, so a refused need can be looked for among the stored ones. */
    static int amountOf(int n) {
        return 300_000 + 1_000 * n;
    }

    private static Map<String, Object> needBody(int n) {
        String[] purposes = {"WORKING_CAPITAL", "EQUIPMENT", "TECH_UPGRADE", "RND", "SUPPLY_CHAIN"};
        return Map.of("amount", amountOf(n), "termMonths", 12 + 6 * (n % 4), "purpose", purposes[n % purposes.length],
                "guaranteeTypes", List.of("CREDIT", "GUARANTEE"), "maxAnnualRate", 6.0, "neededBy", "2027-09-30");
    }

    private ObjectNode enterpriseBody(int i) {
        ObjectNode b = Http.JSON.createObjectNode();
        String body17 = "91441203F" + runId + String.format("%06d", i);
        b.put("uscc", body17 + com.finmatch.devstack.Uscc.checkCharacter(body17));
        b.put("name", "负载测试企业 " + users.name(i));
        b.put("legalRepresentative", "测试");
        b.put("foundedOn", "2018-05-0" + (1 + i % 9));
        b.put("registeredCapital", 5_000_000);
        b.put("districtCode", i % 2 == 0 ? "441202" : "441203");
        b.put("industryCode", "C3670");
        b.put("clusterCode", "NEV_AUTO");
        b.put("sizeClass", "SMALL");
        b.putArray("tags").add("HIGH_TECH");
        b.put("employees", 40 + i % 50);
        b.put("annualRevenue", 30_000_000);
        b.put("netProfit", 2_000_000);
        b.put("totalAssets", 40_000_000);
        b.put("totalLiabilities", 15_000_000);
        b.put("taxPaid", 900_000);
        b.put("rdRatio", 4.5);
        b.put("patents", 12);
        b.put("creditRating", "AA");
        b.put("listingIntention", "NONE");
        return b;
    }

    /** Spreads the writes evenly at {@code writesPerSecond} over all workers. */
    private void pace() {
        long interval = (long) (1_000_000_000L / writesPerSecond);
        long slot = nextSlot.getAndAdd(interval);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    interface IndexTask {
        void run(int i) throws Exception;
    }

    private void parallel(int count, IndexTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    task.run(n);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
