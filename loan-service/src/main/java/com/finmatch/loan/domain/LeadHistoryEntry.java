package com.finmatch.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One timestamped step of a lead: the status it reached and what the bank said with it. */
public record LeadHistoryEntry(LeadStatus status, Instant at, String reasonCode, String note, BigDecimal amount,
        BigDecimal rate) {
}
