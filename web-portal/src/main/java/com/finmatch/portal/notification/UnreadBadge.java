package com.finmatch.portal.notification;

import com.finmatch.portal.client.notification.NotificationClient;
import com.finmatch.portal.client.notification.UnreadCount;
import com.finmatch.portal.security.CurrentUser;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The unread count in the header of every page of a signed-in user, read once per request from notification-service
 * without blocking (Qute waits for it while rendering, on whichever thread the page renders). It fails soft: when
 * notification-service does not answer (down, slow, refusing), the badge is simply not shown.
 */
@RequestScoped
@io.quarkus.arc.Unremovable // looked up by the template global (web/Globals), injected nowhere
public class UnreadBadge {
    private static final Logger LOG = Logger.getLogger(UnreadBadge.class);
    static final Duration WAIT = Duration.ofSeconds(3);

    @Inject
    CurrentUser user;

    @Inject
    @RestClient
    NotificationClient notifications;

    private CompletionStage<Count> state;

    /** The count as the header shows it, or {@link Count#NONE} (no badge); Qute waits for it without blocking. */
    public CompletionStage<Count> state() {
        if (state == null) {
            state = fetch().subscribeAsCompletionStage();
        }
        return state;
    }

    private Uni<Count> fetch() {
        if (!user.loggedIn()) {
            return Uni.createFrom().item(Count.NONE);
        }
        Uni<UnreadCount> answer;
        try {
            answer = notifications.unreadCount();
        } catch (RuntimeException e) {
            answer = Uni.createFrom().failure(e);
        }
        if (answer == null) {
            return Uni.createFrom().item(Count.NONE);
        }
        return answer.map(a -> a == null ? Count.NONE : new Count(true, Math.max(0, a.unread())))
                .ifNoItem().after(WAIT).recoverWithItem(Count.NONE)
                .onFailure().invoke(e -> LOG.debugf("no unread count: %s", e.getMessage()))
                .onFailure().recoverWithItem(Count.NONE);
    }

    /** Whether the count is known, and the count. */
    @TemplateData
    public record Count(boolean available, long count) {
        static final Count NONE = new Count(false, 0);

        public boolean none() {
            return count == 0;
        }

        /** The number as the badge shows it: up to 99, then "99+". */
        public String label() {
            return count > 99 ? "99+" : Long.toString(count);
        }
    }
}
