package com.finmatch.notification.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The payloads this service reads (platform/src/main/resources/schemas), only the fields it uses. */
public final class Events {

    private Events() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnterpriseRegistered(String enterpriseId, String ownerSub, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentGranted(String enterpriseId, String consentId, String bankId, OffsetDateTime expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentRevoked(String enterpriseId, String consentId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApplicationSubmitted(String applicationId, String enterpriseId, String productId, String bankId,
            BigDecimal amount, Integer termMonths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApplicationClosed(String applicationId, String enterpriseId, String bankId, String reasonCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadStatusChanged(String applicationId, String bankId, String enterpriseId, String status,
            String reasonCode, String note, List<String> materials) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadOverdue(String applicationId, String bankId, String enterpriseId, OffsetDateTime dueAt,
            OffsetDateTime at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadMessagePosted(String applicationId, String bankId, String enterpriseId, String messageId,
            String authorRole, String excerpt, OffsetDateTime postedAt) {
    }
}
