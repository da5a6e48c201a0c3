package com.finmatch.notification.service;

import com.finmatch.notification.domain.ConsentExpiry;
import com.finmatch.notification.domain.EnterpriseOwner;
import com.finmatch.notification.domain.NotificationRules;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reminds an enterprise's owner of each consent that expires within {@code finmatch.notifications.consent-reminder-window}
 * (7 days), once per consent: the consent is marked reminded in the same transaction, and the notification's source is
 * the consent (a second run, or a second replica, stores nothing more). Revoked or expired consents are skipped.
 */
@ApplicationScoped
public class ConsentReminders {

    @Inject
    NotificationStore store;

    @Inject
    Clock clock;

    @ConfigProperty(name = "finmatch.notifications.consent-reminder-window", defaultValue = "P7D")
    Duration window;

    @Scheduled(every = "${finmatch.notifications.consent-check-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remindNow();
    }

    /** @return how many consents were reminded of */
    @Transactional
    public int remindNow() {
        Instant now = clock.instant();
        List<ConsentExpiry> due = ConsentExpiry.list(
                "revoked = false and reminded = false and expiresAt > ?1 and expiresAt <= ?2", now, now.plus(window));
        int reminded = 0;
        for (ConsentExpiry c : due) {
            EnterpriseOwner owner = EnterpriseOwner.findById(c.enterpriseId);
            if (owner == null) {
                continue; // its EnterpriseRegistered is not consumed yet: the next run reminds
            }
            store.deliver(NotificationRules.consentExpiring(c.consentId.toString(), c.bankId,
                    c.expiresAt.atOffset(ZoneOffset.UTC), owner));
            c.reminded = true;
            reminded++;
        }
        return reminded;
    }
}
