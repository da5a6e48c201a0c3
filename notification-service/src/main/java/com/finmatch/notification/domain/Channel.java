package com.finmatch.notification.domain;

/** How a notification reaches a user: the portal's inbox (and its live stream), or e-mail. */
public enum Channel {
    IN_APP, EMAIL
}
