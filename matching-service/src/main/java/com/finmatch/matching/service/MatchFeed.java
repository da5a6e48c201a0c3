package com.finmatch.matching.service;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.domain.engine.MatchingEngine;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live feed of matches for administrators: every new or changed match, after it was committed. A user holds at
 * most {@code finmatch.feed.max-streams-per-user} streams at once, and each stream ends when the token that opened it
 * expires (the client reconnects with a fresh one).
 */
@ApplicationScoped
public class MatchFeed {

    /** One match as it appeared (NEW), moved or was re-scored (CHANGED), or left a top list (REMOVED). */
    public record MatchEvent(@Schema(enumeration = {"NEW", "CHANGED", "REMOVED"}) String change,
            @Size(max = Bounds.ID) String needId, @Size(max = Bounds.ID) String enterpriseId,
            @Size(max = Bounds.ID) String productId, @Size(max = Bounds.CODE) String bankId,
            @Schema(nullable = true, description = "null when REMOVED") @Min(1) @Max(MatchingEngine.MAX_TOP_SIZE)
            Integer rank,
            @Schema(nullable = true, description = "null when REMOVED") @DecimalMin("0") @DecimalMax("100")
            BigDecimal score, Instant at) {
    }

    /** The user already holds as many streams as allowed. */
    public static class TooManyStreams extends RuntimeException {
        TooManyStreams(int max) {
            super("at most " + max + " live feeds per user at once: close one first");
        }
    }

    private final BroadcastProcessor<MatchEvent> processor = BroadcastProcessor.create();

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    @ConfigProperty(name = "finmatch.feed.max-streams-per-user", defaultValue = "5")
    int maxPerUser;

    /**
     * A stream for {@code subject} that completes at {@code until} (the token's expiry).
     *
     * @throws TooManyStreams when the user holds {@code maxPerUser} streams already
     */
    public Multi<MatchEvent> stream(String subject, Instant until) {
        acquire(subject);
        AtomicBoolean released = new AtomicBoolean();
        Duration lifetime = Duration.between(Instant.now(), until);
        Multi<MatchEvent> events = lifetime.isNegative() || lifetime.isZero() ? Multi.createFrom().empty()
                : processor.select().first(lifetime);
        return events.onTermination().invoke(() -> {
            if (released.compareAndSet(false, true)) {
                release(subject);
            }
        });
    }

    /** How many streams {@code subject} holds now. */
    public int openStreams(String subject) {
        return open.getOrDefault(subject, 0);
    }

    void emit(MatchEvent event) {
        processor.onNext(event);
    }

    private void acquire(String subject) {
        AtomicBoolean granted = new AtomicBoolean();
        open.compute(subject, (s, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxPerUser) {
                return n;
            }
            granted.set(true);
            return held + 1;
        });
        if (!granted.get()) {
            throw new TooManyStreams(maxPerUser);
        }
    }

    private void release(String subject) {
        open.computeIfPresent(subject, (s, n) -> n <= 1 ? null : n - 1);
    }
}
