package com.finmatch.portal.client.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of the caller's inbox. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationPage(List<Notification> items, int page, int size, long total) {
}
