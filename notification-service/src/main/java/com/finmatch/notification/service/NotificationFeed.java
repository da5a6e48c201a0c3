package com.finmatch.notification.service;

import com.finmatch.notification.domain.Notification;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live inbox: each notification, once its transaction committed, to the open streams of its audience (in this
 * process). A user holds at most {@code finmatch.notifications.max-streams-per-user} streams at once, and each ends
 * when the token that opened it expires.
 */
@ApplicationScoped
public class NotificationFeed {

    /** The user already holds as many streams as allowed. */
    public static class TooManyStreams extends RuntimeException {
        TooManyStreams(int max) {
            super("at most " + max + " live inbox streams per user at once: close one first");
        }
    }

    private final BroadcastProcessor<Notification> processor = BroadcastProcessor.create();

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    @ConfigProperty(name = "finmatch.notifications.max-streams-per-user", defaultValue = "5")
    int maxPerUser;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        processor.onNext(created.notification());
    }

    /** The new notifications of {@code audiences} until {@code until}. */
    public Multi<Notification> stream(String subject, List<String> audiences, Instant until) {
        acquire(subject);
        AtomicBoolean released = new AtomicBoolean();
        Duration lifetime = Duration.between(Instant.now(), until);
        Multi<Notification> events = lifetime.isNegative() || lifetime.isZero() ? Multi.createFrom().empty()
                : processor.select().where(n -> audiences.contains(n.audience)).select().first(lifetime);
        return events.onTermination().invoke(() -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(subject, (s, n) -> n <= 1 ? null : n - 1);
            }
        });
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
}
