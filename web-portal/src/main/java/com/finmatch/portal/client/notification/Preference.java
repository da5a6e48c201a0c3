package com.finmatch.portal.client.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Whether notifications of {@code kind} go to {@code channel} ({@code IN_APP} or {@code EMAIL}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preference(String kind, String channel, boolean enabled) {
    public static final String IN_APP = "IN_APP";
    public static final String EMAIL = "EMAIL";
}
