package com.finmatch.notification.service;

import com.finmatch.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the service learns of its users when they call it: the address their token carries ({@code email}) and the
 * bank they act for ({@code bank_id}) — where a bank audience's e-mail goes. Written only when it changed (a cache of
 * what this process last wrote).
 */
@ApplicationScoped
public class ContactBook {

    private record Seen(String email, String bankId, boolean admin) {
    }

    private final ConcurrentHashMap<String, Seen> written = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public void remember(String userSub, String tokenEmail, String bankId, boolean admin) {
        Seen seen = new Seen(tokenEmail, bankId, admin);
        if (Objects.equals(written.get(userSub), seen)) {
            return;
        }
        em.createNativeQuery("""
                insert into user_contact (user_sub, token_email, bank_id, admin, updated_at)
                values (:user, :email, :bank, :admin, :at)
                on conflict (user_sub) do update set token_email = excluded.token_email, bank_id = excluded.bank_id,
                    admin = excluded.admin, updated_at = excluded.updated_at""").unwrap(NativeQuery.class)
                .setParameter("user", userSub).setParameter("email", tokenEmail, String.class)
                .setParameter("bank", bankId, String.class).setParameter("admin", admin)
                .setParameter("at", PlatformClock.now(clock))
                .executeUpdate();
        written.put(userSub, seen);
    }
}
