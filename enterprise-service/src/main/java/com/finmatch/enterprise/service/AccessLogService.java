package com.finmatch.enterprise.service;

import com.finmatch.enterprise.domain.AccessLogEntry;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The access log: every read of an enterprise's data by a bank, here, on a lead in loan-service or in a list of
 * matches in matching-service.
 */
@ApplicationScoped
public class AccessLogService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID enterpriseId, String bankId, String subject, Set<DataCategory> categories,
            String resource, Instant at) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.enterpriseId = enterpriseId;
        entry.bankId = bankId;
        entry.subject = subject;
        entry.categories = categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        entry.resource = resource;
        entry.at = at;
        entry.persist();
    }

    /** loan-service's EnterpriseProfileRead: a bank was shown the profile on a lead. */
    @Transactional
    public void recordLeadRead(IncomingEvent event) {
        UUID applicationId = uuid(event.data(), "applicationId");
        recordRead(event.data(), "lead " + applicationId + " (loan-service)");
    }

    /** matching-service's EnterpriseDataRead: a bank was shown the enterprise's data in a list of matches. */
    @Transactional
    public void recordMatchRead(IncomingEvent event) {
        recordRead(event.data(), text(event.data(), "resource", 160) + " (matching-service)");
    }

    /** The fields every read event carries: enterpriseId, bankId, readBy, categories, at. */
    private void recordRead(JsonNode data, String resource) {
        UUID enterpriseId = uuid(data, "enterpriseId");
        if (Enterprise.findById(enterpriseId) == null) {
            throw new InvalidEventException("no enterprise " + enterpriseId);
        }
        String bankId = text(data, "bankId", 64);
        String readBy = text(data, "readBy", 255);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        if (!data.path("categories").isArray() || data.path("categories").isEmpty()) {
            throw new InvalidEventException("categories is missing or empty");
        }
        for (JsonNode c : data.get("categories")) {
            try {
                categories.add(DataCategory.valueOf(c.asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("categories holds " + c + ", not a data category");
            }
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text(data, "at", 64)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("at is not an ISO-8601 time");
        }
        record(enterpriseId, bankId, readBy, categories, resource, at);
    }

    private static String text(JsonNode data, String field, int max) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw new InvalidEventException(field + " is missing, not text or longer than " + max);
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field, 36));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID");
        }
    }
}
