package com.finmatch.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Map;

/**
 * Quotas of the API rate limit ({@code finmatch.rate-limit.*}), one fixed window per client: requests per
 * {@link #window()} per address (unauthenticated calls), per token subject (users) and per client id (bank API
 * clients, with optional quotas of their own). The defaults are far above what the demo or the end-to-end suites send.
 */
@ConfigMapping(prefix = "finmatch.rate-limit")
public interface RateLimitConfig {

    /** Off: no limit and no headers. */
    @WithDefault("true")
    boolean enabled();

    /** Length of a window; every quota is per window. */
    @WithDefault("60s")
    Duration window();

    /** Requests per window per client address, for calls without a token (the public catalogue). */
    @WithDefault("12000")
    @Min(1)
    int anonymous();

    /** Requests per window per token subject (enterprise, bank and administrator users). */
    @WithDefault("12000")
    @Min(1)
    int user();

    /** Requests per window per bank API client (a client-credentials token), unless {@link #clients()} names it. */
    @WithName("bank-client")
    @WithDefault("30000")
    @Min(1)
    int bankClient();

    /** Quotas of single bank API clients by client id, e.g. {@code finmatch.rate-limit.clients."bank-zqrcb"=30000}. */
    Map<String, Integer> clients();

    /**
     * Quotas of single client addresses, e.g. the web portal's, whose public reads for every anonymous visitor come
     * from its one address: {@code finmatch.rate-limit.addresses."10.1.2.3"=60000}.
     */
    Map<String, Integer> addresses();

    /**
     * How many requests of a client a replica takes from the shared counter at once and then admits from memory. 1
     * counts every request in the database (exact, one round trip each); more saves round trips and may refuse a
     * client while up to (lease - 1) of its requests sit unused on each other replica, never admit more than the quota.
     */
    @WithDefault("20")
    @Min(1)
    int lease();
}
