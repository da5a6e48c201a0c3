package com.finmatch.portal.client.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.UUID;

/** One notification of the caller's inbox; {@code link} is a portal path to follow (or null). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notification(UUID id, String kind, String title, String body, String link, Instant createdAt,
        boolean read) {
}
