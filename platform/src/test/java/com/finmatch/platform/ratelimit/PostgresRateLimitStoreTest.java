package com.finmatch.platform.ratelimit;

import com.finmatch.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two replicas of a service — two limiters, each with its own connection pool — share one PostgreSQL counter. */
class PostgresRateLimitStoreTest {

    private static PGSimpleDataSource database;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:10Z"));

    @BeforeAll
    static void createTheTable() throws Exception {
        database = new PGSimpleDataSource();
        database.setURL(TestPostgres.newDatabase("ratelimit"));
        database.setUser("postgres");
        database.setPassword("postgres");
        try (InputStream ddl = PostgresRateLimitStoreTest.class.getResourceAsStream("/db/test/V3__rate_limit.sql");
             Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldHonourOneBudgetForTwoReplicasRequestingConcurrently() throws Exception {
        RateLimiter one = new RateLimiter(new PostgresRateLimitStore(database), clock, Duration.ofSeconds(60), 4);
        RateLimiter two = new RateLimiter(new PostgresRateLimitStore(database), clock, Duration.ofSeconds(60), 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter replica = t % 2 == 0 ? one : two;
                clients.add(() -> {
                    int admitted = 0;
                    for (int i = 0; i < 30; i++) {
                        admitted += replica.acquire("user:shared", 50).allowed() ? 1 : 0;
                    }
                    return admitted;
                });
            }
            int admitted = 0;
            for (Future<Integer> f : pool.invokeAll(clients)) {
                admitted += f.get();
            }
            // 240 requests against a quota of 50: no more than 50 admitted; every lease is drained by its own
            // replica's later requests, so none of the 50 is left unused either
            assertEquals(50, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGrantAtMostWhatIsLeftAndRefillInTheNextWindow() {
        PostgresRateLimitStore store = new PostgresRateLimitStore(database);
        Instant window = Instant.parse("2026-06-01T09:00:00Z");
        assertEquals(new RateLimitStore.Grant(4, 4), store.claim("user:x", window, 4, 6));
        assertEquals(new RateLimitStore.Grant(2, 6), store.claim("user:x", window, 4, 6));
        assertEquals(new RateLimitStore.Grant(0, 6), store.claim("user:x", window, 4, 6));
        assertEquals(new RateLimitStore.Grant(4, 4), store.claim("user:x", window.plusSeconds(60), 4, 6));
        assertEquals(new RateLimitStore.Grant(4, 4), store.claim("user:y", window, 4, 6));

        store.deleteBefore(window.plusSeconds(60));
        assertEquals(new RateLimitStore.Grant(4, 4), store.claim("user:x", window, 4, 6), "the ended window is gone");
        assertEquals(new RateLimitStore.Grant(2, 6), store.claim("user:x", window.plusSeconds(60), 4, 6),
                "the current window is kept");
    }
}
