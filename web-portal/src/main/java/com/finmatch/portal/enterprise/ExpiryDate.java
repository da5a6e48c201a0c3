package com.finmatch.portal.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A consent's expiry as the forms ask for it (a date, {@code expiresOn}) and as the API takes it ({@code expiresAt}). */
final class ExpiryDate {
    private ExpiryDate() {
    }

    /** A form's expiry date as the API's {@code expiresAt} (start of that day, UTC); what was typed when not a date. */
    static String expiresAt(String expiresOn) {
        if (expiresOn == null || expiresOn.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDate.parse(expiresOn.trim()).atStartOfDay(), ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return expiresOn;
        }
    }

    /** A service's field errors with the API's {@code expiresAt} named as the form's {@code expiresOn}. */
    static Map<String, String> asFormField(Map<String, String> errors) {
        Map<String, String> named = new LinkedHashMap<>(errors);
        if (named.containsKey("expiresAt")) {
            named.put("expiresOn", named.remove("expiresAt"));
        }
        return named;
    }
}
