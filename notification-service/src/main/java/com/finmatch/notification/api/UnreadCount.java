package com.finmatch.notification.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How many of the caller's notifications they have not read. */
public record UnreadCount(@Min(0) @Max(Long.MAX_VALUE) long unread) {
}
