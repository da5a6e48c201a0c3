package com.finmatch.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    /** 10 s into a one-minute window. */
    private static final Instant START = Instant.parse("2026-06-01T08:00:10Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore();

    @Test
    void shouldAdmitTheQuotaCountingDownAndThenRefuseUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(store, clock, MINUTE, 1);
        for (int i = 1; i <= 3; i++) {
            RateLimiter.Decision d = limiter.acquire("user:a", 3);
            assertTrue(d.allowed(), "request " + i);
            assertEquals(3, d.limit());
            assertEquals(3 - i, d.remaining());
            assertEquals(50, d.resetSeconds());
        }
        clock.advance(Duration.ofMillis(49_500));
        RateLimiter.Decision refused = limiter.acquire("user:a", 3);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.resetSeconds(), "half a second left is announced as one second");
    }

    @Test
    void shouldRefillTheQuotaWhenTheNextWindowStarts() {
        RateLimiter limiter = new RateLimiter(store, clock, MINUTE, 1);
        limiter.acquire("user:a", 2);
        limiter.acquire("user:a", 2);
        assertFalse(limiter.acquire("user:a", 2).allowed());

        clock.advance(Duration.ofSeconds(50)); // 08:01:00, the next window
        RateLimiter.Decision d = limiter.acquire("user:a", 2);
        assertTrue(d.allowed());
        assertEquals(1, d.remaining());
        assertEquals(60, d.resetSeconds());
    }

    @Test
    void shouldCountEachKeyOnItsOwn() {
        RateLimiter limiter = new RateLimiter(store, clock, MINUTE, 1);
        limiter.acquire("user:a", 1);
        assertFalse(limiter.acquire("user:a", 1).allowed());
        assertTrue(limiter.acquire("user:b", 1).allowed());
        assertTrue(limiter.acquire("address:10.0.0.1", 1).allowed());
    }

    @Test
    void shouldAskTheStoreOncePerLeaseAndAdmitTheRestFromMemory() {
        RateLimiter limiter = new RateLimiter(store, clock, MINUTE, 5);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire("user:a", 10).allowed());
        }
        assertEquals(2, store.claims);
        assertTrue(limiter.tryLease("user:a", 10).isEmpty(), "an empty lease needs the store");
        assertFalse(limiter.acquire("user:a", 10).allowed());
        assertEquals(3, store.claims);
    }

    @Test
    void shouldRefuseFromMemoryOnceTheStoreHasRefusedTheWindow() {
        RateLimiter limiter = new RateLimiter(store, clock, MINUTE, 1);
        limiter.acquire("user:a", 1);
        assertFalse(limiter.acquire("user:a", 1).allowed());
        int claims = store.claims;
        for (int i = 0; i < 5; i++) {
            assertFalse(limiter.tryLease("user:a", 1).orElseThrow().allowed());
            assertFalse(limiter.acquire("user:a", 1).allowed());
        }
        assertEquals(claims, store.claims, "no round trip for a client that keeps calling after its 429");
        clock.advance(MINUTE);
        assertTrue(limiter.acquire("user:a", 1).allowed());
    }

    @Test
    void shouldNeverAdmitMoreThanTheQuotaAcrossReplicasSharingTheStoreAndUseAllOfIt() {
        RateLimiter one = new RateLimiter(store, clock, MINUTE, 3);
        RateLimiter two = new RateLimiter(store, clock, MINUTE, 3);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += (one.acquire("client:bank-x", 10).allowed() ? 1 : 0)
                    + (two.acquire("client:bank-x", 10).allowed() ? 1 : 0);
        }
        assertEquals(10, admitted);
    }

    @Test
    void shouldPickTheCounterAndQuotaPerKindOfCaller() {
        Quotas quotas = new Quotas(5, 7, 9, Map.of("bank-zqrcb", 11), Map.of("10.0.0.9", 13));
        assertEquals(new Quotas.Quota("address:10.0.0.1", 5), quotas.anonymous("10.0.0.1"));
        assertEquals(new Quotas.Quota("address:10.0.0.9", 13), quotas.anonymous("10.0.0.9"));
        assertEquals(new Quotas.Quota("user:sub-1", 7), quotas.user("sub-1"));
        assertEquals(new Quotas.Quota("client:bank-abc", 9), quotas.client("bank-abc"));
        assertEquals(new Quotas.Quota("client:bank-zqrcb", 11), quotas.client("bank-zqrcb"));
    }
}
