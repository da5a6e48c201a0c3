package com.finmatch.notification.service;

import com.finmatch.platform.time.PlatformClock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends the planned mail (mail_outbox) to the SMTP server, oldest first. Each row is locked while it is sent (a second
 * replica skips it) and marked sent in the same transaction; a row the server refuses or cannot take (down) is retried
 * with exponential backoff (5 s doubling, at most 1 h apart) — nothing is lost while the server is away. A mail whose
 * sending succeeded but whose mark failed to commit would be sent again: at-least-once towards SMTP, like any outbox.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    @ConfigProperty(name = "finmatch.notifications.mail-first-retry", defaultValue = "PT5S")
    Duration firstRetry;

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Scheduled(every = "${finmatch.notifications.mail-send-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue(50);
    }

    /** Sends up to {@code max} due mails, one transaction each; returns how many were sent. */
    public int sendDue(int max) {
        int sent = 0;
        for (int i = 0; i < max; i++) {
            Boolean result = QuarkusTransaction.requiringNew().call(this::sendOne);
            if (result == null) {
                break;
            }
            if (result) {
                sent++;
            }
        }
        return sent;
    }

    /** @return null when nothing is due, else whether the one due mail was sent */
    @SuppressWarnings("unchecked")
    Boolean sendOne() {
        Instant now = PlatformClock.now(clock);
        List<Object[]> rows = em.createNativeQuery("""
                select id, recipient, subject, html, text_body, attempts from mail_outbox
                where sent_at is null and next_attempt_at <= :now
                order by next_attempt_at, created_at limit 1 for update skip locked""")
                .setParameter("now", now).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        int attempts = ((Number) row[5]).intValue();
        try {
            mailer.send(Mail.withHtml((String) row[1], (String) row[2], (String) row[3]).setText((String) row[4]));
            em.createNativeQuery("update mail_outbox set sent_at = :at, attempts = attempts + 1 where id = :id")
                    .setParameter("at", now).setParameter("id", id).executeUpdate();
            return true;
        } catch (RuntimeException e) {
            Duration wait = backoff(firstRetry, attempts + 1);
            LOG.warnf("mail %s to %s not sent (attempt %d, next in %s): %s", id, row[1], attempts + 1, wait,
                    e.toString());
            em.createNativeQuery("""
                    update mail_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                    where id = :id""")
                    .setParameter("error", String.valueOf(e.getMessage())).setParameter("next", now.plus(wait))
                    .setParameter("id", id).executeUpdate();
            return false;
        }
    }

    /** first, twice that, four times … at most 1 h. */
    static Duration backoff(Duration first, int attempts) {
        Duration d = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
