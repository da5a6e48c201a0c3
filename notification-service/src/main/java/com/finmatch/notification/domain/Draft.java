package com.finmatch.notification.domain;

/**
 * A notification the rules decided to send, before it is stored. {@code sourceId} with {@code audience} and
 * {@code kind} is its identity: the same triple is never stored twice.
 */
public record Draft(String sourceId, String audience, NotificationKind kind, String title, String body, String link) {
}
