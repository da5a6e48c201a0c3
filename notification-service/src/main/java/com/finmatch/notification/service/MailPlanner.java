package com.finmatch.notification.service;

import com.finmatch.notification.domain.Audience;
import com.finmatch.notification.domain.Channel;
import com.finmatch.notification.domain.Notification;
import com.finmatch.notification.domain.UnsubscribeToken;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plans the e-mail of each stored notification, in the transaction that stores it (mail_outbox): one mail per
 * recipient who wants this kind by e-mail and has an address — a user's own (the address in their preferences, else
 * the one of their token); for a bank, every officer known with that {@code bank_id}; for the administrators, every
 * user known with the admin role. Rendered here from the Qute templates {@code mail.html} and {@code mail.txt}, zh-CN
 * first, with the recipient's unsubscribe link.
 */
@ApplicationScoped
public class MailPlanner {

    private record Recipient(String userSub, String address) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PreferenceService preferences;

    @Location("mail.html")
    Template html;

    @Location("mail.txt")
    Template text;

    @ConfigProperty(name = "finmatch.notifications.portal-url", defaultValue = "http://127.0.0.1:8080")
    String portalUrl;

    @ConfigProperty(name = "finmatch.notifications.public-url", defaultValue = "http://127.0.0.1:8084")
    String publicUrl;

    @ConfigProperty(name = "finmatch.notifications.unsubscribe-secret")
    String secret;

    void plan(@Observes NotificationCreated created) {
        Notification n = created.notification();
        Instant now = PlatformClock.now(clock);
        for (Recipient r : recipients(n.audience)) {
            if (!preferences.enabled(r.userSub(), n.kind, Channel.EMAIL)) {
                continue;
            }
            String unsubscribe = publicUrl + "/api/v1/notifications/unsubscribe?token="
                    + URLEncoder.encode(UnsubscribeToken.sign(secret, r.userSub(), n.kind), StandardCharsets.UTF_8);
            String link = n.link == null ? null : portalUrl + n.link;
            em.createNativeQuery("""
                    insert into mail_outbox (id, notification_id, recipient, subject, html, text_body, created_at,
                        next_attempt_at) values (:id, :n, :to, :subject, :html, :text, :at, :at)
                    on conflict on constraint mail_outbox_once do nothing""")
                    .setParameter("id", UUID.randomUUID()).setParameter("n", n.id).setParameter("to", r.address())
                    .setParameter("subject", n.title)
                    .setParameter("html", html.data("title", n.title).data("body", n.body).data("link", link)
                            .data("unsubscribe", unsubscribe).render())
                    .setParameter("text", text.data("title", n.title).data("body", n.body).data("link", link)
                            .data("unsubscribe", unsubscribe).render())
                    .setParameter("at", now).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Recipient> recipients(String audience) {
        String where;
        String value;
        if (Audience.userOf(audience) != null) {
            where = "user_sub = :v";
            value = Audience.userOf(audience);
        } else if (Audience.bankOf(audience) != null) {
            where = "bank_id = :v";
            value = Audience.bankOf(audience);
        } else if (Audience.ADMINS.equals(audience)) {
            where = "admin and :v = :v";
            value = "admin";
        } else {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("select user_sub, coalesce(preferred_email, token_email) from "
                + "user_contact where " + where + " and coalesce(preferred_email, token_email) is not null")
                .setParameter("v", value).getResultList();
        return rows.stream().map(r -> new Recipient((String) r[0], (String) r[1])).toList();
    }
}
