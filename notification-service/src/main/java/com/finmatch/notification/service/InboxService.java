package com.finmatch.notification.service;

import com.finmatch.notification.domain.Notification;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user's inbox: the notifications of their audiences, newest first, each read or not for this user alone.
 * Every operation is confined to the audiences passed in (the caller's): a notification of another audience does
 * not exist for them (404).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InboxService {

    /** A notification as one user sees it. */
    public record Item(Notification notification, boolean read) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public PageResponse<Item> mine(String userSub, List<String> audiences, PageRequest page) {
        var query = Notification.find("audience in ?1 order by createdAt desc, id", audiences);
        long total = query.count();
        List<Notification> found = query.page(Page.of(page.page, page.size)).list();
        Set<UUID> read = readOf(userSub, found.stream().map(n -> n.id).toList());
        return new PageResponse<>(found.stream().map(n -> new Item(n, read.contains(n.id))).toList(), page.page,
                page.size, total);
    }

    public long unread(String userSub, List<String> audiences) {
        return ((Number) em.createNativeQuery("""
                select count(*) from notification n
                where n.audience in (:audiences)
                  and not exists (select 1 from notification_read r where r.user_sub = :user and r.notification_id = n.id)""")
                .setParameter("audiences", audiences).setParameter("user", userSub).getSingleResult()).longValue();
    }

    /** Marks one of the user's notifications read (again is fine); 404 for any other id. */
    @Transactional
    public void markRead(String userSub, List<String> audiences, UUID id) {
        long mine = Notification.count("id = ?1 and audience in ?2", id, audiences);
        if (mine == 0) {
            throw ProblemException.notFound("notification " + id);
        }
        em.createNativeQuery("""
                insert into notification_read (notification_id, user_sub, read_at) values (:id, :user, :at)
                on conflict do nothing""")
                .setParameter("id", id).setParameter("user", userSub).setParameter("at", PlatformClock.now(clock))
                .executeUpdate();
    }

    @Transactional
    public void markAllRead(String userSub, List<String> audiences) {
        em.createNativeQuery("""
                insert into notification_read (notification_id, user_sub, read_at)
                select n.id, :user, :at from notification n where n.audience in (:audiences)
                on conflict do nothing""")
                .setParameter("user", userSub).setParameter("audiences", audiences)
                .setParameter("at", PlatformClock.now(clock)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> readOf(String userSub, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Object> rows = em.createNativeQuery("""
                select notification_id from notification_read where user_sub = :user and notification_id in (:ids)""")
                .setParameter("user", userSub).setParameter("ids", ids).getResultList();
        Set<UUID> read = new HashSet<>();
        for (Object row : rows) {
            read.add(row instanceof UUID u ? u : UUID.fromString(row.toString()));
        }
        return read;
    }
}
