package com.finmatch.loan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadHistoryEntry;
import com.finmatch.loan.domain.LeadStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead as its bank sees it: the application, its service level ({@code dueAt}, {@code overdue}: unanswered past
 * due; {@code escalated}/{@code escalatedAt}: flagged by the overdue check), the decisions so far, and the enterprise
 * profile only when the enterprise has a live consent for this bank to see its PROFILE.
 */
public record LeadView(UUID id, UUID applicationId, UUID enterpriseId, UUID financingNeedId, UUID productId,
        String bankId, BigDecimal amount, Integer termMonths, LeadStatus status, Instant submittedAt, Instant dueAt,
        boolean overdue, boolean escalated, Instant escalatedAt, Instant answeredAt, BigDecimal approvedAmount,
        BigDecimal approvedRate, BigDecimal disbursedAmount, String declineReason, List<LeadHistoryEntry> history,
        JsonNode enterprise, long version) {

    public static LeadView of(Lead l, JsonNode enterprise, Instant now) {
        return new LeadView(l.id, l.id, l.enterpriseId, l.financingNeedId, l.productId, l.bankId, l.amount,
                l.termMonths, l.status, l.submittedAt, l.dueAt, l.isOverdueAt(now), l.overdue, l.escalatedAt,
                l.answeredAt, l.approvedAmount, l.approvedRate, l.disbursedAmount, l.declineReason, l.history,
                enterprise, l.version);
    }
}
