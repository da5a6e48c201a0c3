package com.finmatch.notification.service;

import com.finmatch.notification.domain.Draft;
import com.finmatch.notification.domain.Notification;
import com.finmatch.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores what the rules decided, once: a draft whose (source, audience, kind) is stored already inserts nothing
 * (the unique key notification_once), so a redelivered event, a re-drive or a second overdue alarm of one lead tells
 * nobody twice. Runs inside the caller's transaction (the inbox's, or the scheduled job's).
 */
@ApplicationScoped
public class NotificationStore {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<NotificationCreated> created;

    /** @return the stored notification, or empty when this draft had been stored before */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> deliver(Draft draft) {
        UUID id = UUID.randomUUID();
        Instant now = PlatformClock.now(clock);
        int inserted = em.createNativeQuery("""
                insert into notification (id, source_event_id, audience, kind, title, body, link, created_at)
                values (:id, :source, :audience, :kind, :title, :body, :link, :at)
                on conflict on constraint notification_once do nothing""").unwrap(NativeQuery.class)
                .setParameter("id", id)
                .setParameter("source", draft.sourceId())
                .setParameter("audience", draft.audience())
                .setParameter("kind", draft.kind().name())
                .setParameter("title", draft.title())
                .setParameter("body", draft.body())
                .setParameter("link", draft.link(), String.class)
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        Notification n = new Notification();
        n.id = id;
        n.sourceEventId = draft.sourceId();
        n.audience = draft.audience();
        n.kind = draft.kind();
        n.title = draft.title();
        n.body = draft.body();
        n.link = draft.link();
        n.createdAt = now;
        created.fire(new NotificationCreated(n));
        return Optional.of(n);
    }
}
