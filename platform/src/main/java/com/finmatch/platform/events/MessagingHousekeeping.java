package com.finmatch.platform.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Prunes, on a schedule, outbox rows sent longer ago than {@code finmatch.outbox.keep-sent} (unsent and parked rows
 * stay) and, when {@code finmatch.inbox.keep} is set, inbox rows older than that. The inbox is what makes a
 * redelivered event harmless, so keep it at least as long as a record can come back: the topics' retention (the
 * k8s topics keep everything, {@code retention.ms: -1}, hence no inbox pruning by default).
 */
@ApplicationScoped
public class MessagingHousekeeping {

    private static final Logger LOG = Logger.getLogger(MessagingHousekeeping.class);
    private static final int CHUNK = 10_000;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "finmatch.outbox.keep-sent", defaultValue = "P7D")
    Duration keepSent;

    @ConfigProperty(name = "finmatch.inbox.keep")
    Optional<Duration> keepInbox;

    @Scheduled(every = "${finmatch.messaging.prune-interval:1h}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void prune() {
        long outbox = delete("delete from outbox_event where id in (select id from outbox_event where sent_at"
                + " < now() - make_interval(secs => ?) limit " + CHUNK + ")", keepSent);
        long inbox = keepInbox.map(keep -> delete("delete from inbox_event where ctid in (select ctid from inbox_event"
                + " where processed_at < now() - make_interval(secs => ?) limit " + CHUNK + ")", keep)).orElse(0L);
        if (outbox + inbox > 0) {
            LOG.infof("pruned %d sent outbox rows and %d inbox rows", outbox, inbox);
        }
    }

    private long delete(String sql, Duration keep) {
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, keep.toSeconds());
            int n;
            do {
                n = s.executeUpdate();
                total += n;
            } while (n == CHUNK);
        } catch (SQLException e) {
            LOG.warnf("messaging housekeeping failed: %s", e.toString());
        }
        return total;
    }
}
