package com.finmatch.notification.service;

import com.finmatch.notification.domain.Notification;

/** A notification was stored; observed after its transaction committed (live stream, and later mail). */
public record NotificationCreated(Notification notification) {
}
