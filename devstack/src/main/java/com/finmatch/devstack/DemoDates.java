package com.finmatch.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The demo data is written as of {@link #WRITTEN_ON}; its future dates (needed-by, consent expiry, course dates,
 * product validity) move forward with the calendar, so the seed stays valid on any later day.
 */
final class DemoDates {

    static final LocalDate WRITTEN_ON = LocalDate.of(2026, 11, 25);
    private static final Set<String> DATE_FIELDS = Set.of("neededBy", "expiresAt", "startsOn", "endsOn", "validFrom",
            "validTo");

    private DemoDates() {
    }

    static JsonNode shiftToToday(JsonNode data, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(WRITTEN_ON, today));
        if (days > 0) {
            shift(data, days);
        }
        return data;
    }

    private static void shift(JsonNode node, long days) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (DATE_FIELDS.contains(name) && value.isTextual()) {
                    object.set(name, new TextNode(shifted(value.asText(), days)));
                } else {
                    shift(value, days);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(child -> shift(child, days));
        }
    }

    private static String shifted(String value, long days) {
        return value.length() == 10 ? LocalDate.parse(value).plusDays(days).toString()
                : OffsetDateTime.parse(value).plusDays(days).toString();
    }
}
