package com.finmatch.loan.domain;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** One timestamped step of a lead: the status it reached and what the bank said with it. */
public record LeadHistoryEntry(LeadStatus status, Instant at,
        @Schema(nullable = true) @Size(max = 40) String reasonCode, @Schema(nullable = true) @Size(max = 1000) String note,
        @Schema(nullable = true) BigDecimal amount, @Schema(nullable = true) BigDecimal rate) {

    /** More than a lead's legal moves can make (LeadStatus); the bound documented for the history. */
    public static final int MAX_ENTRIES = 50;
}
