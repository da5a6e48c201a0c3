package com.finmatch.portal.client.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How many of the caller's notifications are unread. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnreadCount(long unread) {
}
