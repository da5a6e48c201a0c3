package com.finmatch.notification.service;

import com.finmatch.notification.domain.Channel;
import com.finmatch.notification.domain.NotificationKind;
import com.finmatch.notification.domain.Preference;
import com.finmatch.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A user's choices per kind and channel, and the e-mail address they gave. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PreferenceService {

    /** Every kind and channel with its effective setting, and the user's own address (null if they gave none). */
    public record Settings(List<Preference> items, String email) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public Settings of(String userSub) {
        return new Settings(Preference.effective(stored(userSub)), preferredEmail(userSub));
    }

    /** Whether the user wants this kind by this channel. */
    public boolean enabled(String userSub, NotificationKind kind, Channel channel) {
        Boolean chosen = stored(userSub).get(Preference.key(kind, channel));
        return chosen != null ? chosen : kind.enabledByDefault(channel);
    }

    /** Stores the given choices (others keep theirs) and the address (null removes it); returns the result. */
    @Transactional
    public Settings update(String userSub, List<Preference> changes, String email) {
        for (Preference p : changes) {
            set(userSub, p.kind(), p.channel(), p.enabled());
        }
        em.createNativeQuery("""
                insert into user_contact (user_sub, preferred_email, updated_at) values (:user, :email, :at)
                on conflict (user_sub) do update set preferred_email = excluded.preferred_email,
                    updated_at = excluded.updated_at""").unwrap(NativeQuery.class)
                .setParameter("user", userSub).setParameter("email", email, String.class)
                .setParameter("at", PlatformClock.now(clock)).executeUpdate();
        return of(userSub);
    }

    @Transactional
    public void set(String userSub, NotificationKind kind, Channel channel, boolean enabled) {
        em.createNativeQuery("""
                insert into notification_preference (user_sub, kind, channel, enabled) values (:user, :kind, :channel, :on)
                on conflict (user_sub, kind, channel) do update set enabled = excluded.enabled""")
                .setParameter("user", userSub).setParameter("kind", kind.name())
                .setParameter("channel", channel.name()).setParameter("on", enabled).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Boolean> stored(String userSub) {
        List<Object[]> rows = em.createNativeQuery(
                "select kind, channel, enabled from notification_preference where user_sub = :user")
                .setParameter("user", userSub).getResultList();
        Map<String, Boolean> stored = new HashMap<>();
        for (Object[] row : rows) {
            stored.put(row[0] + "/" + row[1], (Boolean) row[2]);
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    private String preferredEmail(String userSub) {
        List<Object> rows = em.createNativeQuery("select preferred_email from user_contact where user_sub = :user")
                .setParameter("user", userSub).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }
}
