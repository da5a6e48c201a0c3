package com.finmatch.platform.ratelimit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The store's contract in memory, for the limiter's unit tests; counts the round trips it was asked for. */
final class InMemoryRateLimitStore implements RateLimitStore {

    private final Map<String, Long> used = new HashMap<>();
    int claims;

    @Override
    public synchronized Grant claim(String key, Instant windowStart, int wanted, int limit) {
        claims++;
        String window = key + "@" + windowStart;
        long before = used.getOrDefault(window, 0L);
        int granted = (int) Math.max(0, Math.min(wanted, limit - before));
        used.put(window, before + granted);
        return new Grant(granted, before + granted);
    }
}
