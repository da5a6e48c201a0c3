package com.finmatch.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-window request counter per client key, shared by the replicas of a service through a {@link RateLimitStore}.
 * A window is [k × window, (k + 1) × window) of the clock's epoch; its quota refills when the next one starts. A
 * replica takes a lease of up to {@code lease} requests from the store and admits from it in memory, so only one
 * request in {@code lease} costs a round trip; the store never hands out more than the quota, so however many
 * replicas there are, a client gets at most its quota per window. Once the store has refused a window, this replica
 * refuses the rest of it from memory: a client that keeps calling after its 429 costs no round trips.
 */
public final class RateLimiter {

    /**
     * The answer for one request: admitted or not, the quota, what is left of it (an estimate across replicas: this
     * replica's unused lease plus what the store had left at its last claim) and the seconds until the window ends.
     */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {
    }

    /** What this replica holds of one key's window. */
    private static final class Lease {
        final ReentrantLock lock = new ReentrantLock();
        final long window;
        /** The store had nothing left: it never will in this window (counts only grow), so refuse from memory. */
        boolean exhausted;
        int left;
        long used;

        Lease(long window) {
            this.window = window;
        }
    }

    private final RateLimitStore store;
    private final Clock clock;
    private final long windowMillis;
    private final int leaseSize;
    private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitStore store, Clock clock, Duration window, int lease) {
        if (window.toMillis() < 1000 || lease < 1) {
            throw new IllegalArgumentException("a window of at least 1 s and a lease of at least 1 are needed");
        }
        this.store = store;
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.leaseSize = lease;
    }

    /** Counts one request of {@code key} against {@code limit}; may ask the store (a blocking round trip). */
    public Decision acquire(String key, int limit) {
        return decide(key, limit, true).orElseThrow();
    }

    /**
     * The same as {@link #acquire} when this replica's lease can answer at once, without the store and without waiting
     * for another thread's claim; empty otherwise. Safe on an I/O thread.
     */
    public Optional<Decision> tryLease(String key, int limit) {
        return decide(key, limit, false);
    }

    /** Forgets the leases of windows that have ended (memory only; the store prunes its own rows). */
    public void forgetEndedWindows() {
        long current = windowOf(clock.millis());
        leases.values().removeIf(lease -> lease.window < current);
    }

    /** The start of the window before the current one: rows of earlier windows are no longer needed. */
    public Instant previousWindowStart() {
        return Instant.ofEpochMilli((windowOf(clock.millis()) - 1) * windowMillis);
    }

    private Optional<Decision> decide(String key, int limit, boolean mayClaim) {
        long now = clock.millis();
        long window = windowOf(now);
        long resetSeconds = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
        Lease lease = leases.compute(key, (k, held) -> held != null && held.window == window ? held : new Lease(window));
        if (mayClaim) {
            lease.lock.lock();
        } else if (!lease.lock.tryLock()) {
            return Optional.empty();
        }
        try {
            if (lease.exhausted) {
                return Optional.of(new Decision(false, limit, 0, resetSeconds));
            }
            if (lease.left == 0) {
                if (!mayClaim) {
                    return Optional.empty();
                }
                RateLimitStore.Grant grant = store.claim(key, Instant.ofEpochMilli(window * windowMillis),
                        Math.min(leaseSize, limit), limit);
                lease.left = grant.granted();
                lease.used = grant.used();
                if (lease.left == 0) {
                    lease.exhausted = true;
                    return Optional.of(new Decision(false, limit, 0, resetSeconds));
                }
            }
            lease.left--;
            long remaining = Math.max(0, limit - lease.used) + lease.left;
            return Optional.of(new Decision(true, limit, remaining, resetSeconds));
        } finally {
            lease.lock.unlock();
        }
    }

    private long windowOf(long millis) {
        return Math.floorDiv(millis, windowMillis);
    }
}
