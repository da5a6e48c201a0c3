package com.finmatch.platform.ratelimit;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The service's rate limiter, built from {@link RateLimitConfig} over the service's database, with the rules saying
 * which counter a caller uses. Prunes ended windows once a minute.
 */
@ApplicationScoped
public class RateLimiting {

    private static final Logger LOG = Logger.getLogger(RateLimiting.class);

    @Inject
    RateLimitConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private PostgresRateLimitStore store;
    private RateLimiter limiter;
    private Quotas quotas;

    @PostConstruct
    void init() {
        store = new PostgresRateLimitStore(dataSource);
        limiter = new RateLimiter(store, clock, config.window(), config.lease());
        quotas = Quotas.of(config);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /**
     * The counter of a caller: a token with a {@code client_id} claim (Keycloak puts it in client-credentials
     * tokens, i.e. a bank's systems) counts per client id, another token per subject, no (or no valid) token per
     * address.
     */
    public Quotas.Quota quotaFor(SecurityIdentity identity, String address) {
        if (identity == null || identity.isAnonymous()) {
            return quotas.anonymous(address);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Optional<String> client = Optional.ofNullable(token.<Object>getClaim("client_id"))
                    .or(() -> Optional.ofNullable(token.getClaim("clientId"))).map(Object::toString);
            if (client.isPresent()) {
                return quotas.client(client.get());
            }
            if (token.getSubject() != null) {
                return quotas.user(token.getSubject());
            }
        }
        return quotas.user(identity.getPrincipal().getName());
    }

    /** {@link RateLimiter#acquire}, but admits (without a decision) when the shared counter cannot be reached. */
    public Optional<RateLimiter.Decision> acquire(Quotas.Quota quota) {
        try {
            return Optional.of(limiter.acquire(quota.key(), quota.limit()));
        } catch (IllegalStateException e) {
            LOG.warnf("rate limit not applied, the counter is unavailable: %s", e.getCause());
            return Optional.empty();
        }
    }

    @Scheduled(every = "60s", delay = 60, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        limiter.forgetEndedWindows();
        try {
            store.deleteBefore(limiter.previousWindowStart());
        } catch (IllegalStateException e) {
            LOG.debugf("rate-limit pruning skipped: %s", e.getCause());
        }
    }
}
