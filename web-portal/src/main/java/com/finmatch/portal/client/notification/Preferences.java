package com.finmatch.portal.client.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The caller's preferences: one entry per kind and channel, and the address e-mail goes to (or null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(List<Preference> items, String email) {
}
