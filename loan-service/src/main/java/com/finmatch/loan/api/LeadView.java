package com.finmatch.loan.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadHistoryEntry;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.platform.contracts.MaterialKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead as its bank sees it: the application, its service level ({@code dueAt}, {@code overdue}: unanswered past
 * due; {@code escalated}/{@code escalatedAt}: flagged by the overdue check), the decisions so far, and the enterprise
 * profile only when the enterprise has a live consent for this bank to see its PROFILE.
 */
public record LeadView(UUID id, UUID applicationId, UUID enterpriseId, UUID financingNeedId, UUID productId,
        @Size(max = 40) String bankId, BigDecimal amount,
        @Schema(nullable = true) @Min(1) @Max(600) Integer termMonths, LeadStatus status, Instant submittedAt,
        Instant dueAt, boolean overdue, boolean escalated, @Schema(nullable = true) Instant escalatedAt,
        @Schema(nullable = true) Instant answeredAt, @Schema(nullable = true) BigDecimal approvedAmount,
        @Schema(nullable = true) BigDecimal approvedRate, @Schema(nullable = true) BigDecimal disbursedAmount,
        @Schema(nullable = true) @Size(max = 40) String declineReason,
        @Schema(description = "The material kinds of the open 补件 request (MaterialKind codes); empty when none is open")
        @Size(max = 10) List<@Size(max = MaterialKind.CODE_MAX) String> materialsRequested,
        @Schema(nullable = true, description = "Since when the service-level clock is paused by an open 补件 request")
        Instant clockPausedAt,
        @Size(max = LeadHistoryEntry.MAX_ENTRIES) List<LeadHistoryEntry> history,
        @Schema(nullable = true, description = "The enterprise's profile, only the fields of "
                + "the data categories a live consent shows this bank (GET /api/v1/reference/data-categories of "
                + "enterprise-service names each category's fields); null without a live PROFILE consent and in lists")
        Map<String, Object> enterprise,
        @Min(0) @Max(Long.MAX_VALUE) long version) {

    /** Amounts stay BigDecimal, as they are in the profile. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static LeadView of(Lead l, JsonNode enterprise, Instant now) {
        return new LeadView(l.id, l.id, l.enterpriseId, l.financingNeedId, l.productId, l.bankId, l.amount,
                l.termMonths, l.status, l.submittedAt, l.dueAt, l.isOverdueAt(now), l.overdue, l.escalatedAt,
                l.answeredAt, l.approvedAmount, l.approvedRate, l.disbursedAmount, l.declineReason,
                l.materialsRequested == null ? List.of() : l.materialsRequested, l.clockPausedAt, l.history,
                enterprise == null ? null : JSON.convertValue(enterprise, new TypeReference<Map<String, Object>>() { }),
                l.version);
    }
}
