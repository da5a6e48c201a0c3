package com.finmatch.notification.api;

import com.finmatch.notification.domain.Notification;
import com.finmatch.notification.domain.NotificationKind;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One notification as its reader sees it; {@code link} is a path of the portal. */
public record NotificationView(UUID id, NotificationKind kind, @Size(max = 500) String title,
        @Size(max = 4000) String body,
        @Schema(nullable = true, description = "a path of the portal, e.g. /bank/leads/{applicationId}")
        @Size(max = 500) String link,
        Instant createdAt, boolean read) {

    public static NotificationView of(Notification n, boolean read) {
        return new NotificationView(n.id, n.kind, n.title, n.body, n.link, n.createdAt, read);
    }
}
