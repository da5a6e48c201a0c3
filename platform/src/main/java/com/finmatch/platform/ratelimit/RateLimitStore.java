package com.finmatch.platform.ratelimit;

import java.time.Instant;

/** The counter shared by every replica of a service: how many requests of a client each window has admitted. */
public interface RateLimitStore {

    /** What a claim got: {@code granted} requests (0 when the window's quota is used up), {@code used} in all now. */
    record Grant(int granted, long used) {
    }

    /**
     * Takes up to {@code wanted} requests of {@code key}'s window starting at {@code windowStart}, never letting the
     * window's total pass {@code limit}; atomic across replicas.
     */
    Grant claim(String key, Instant windowStart, int wanted, int limit);
}
