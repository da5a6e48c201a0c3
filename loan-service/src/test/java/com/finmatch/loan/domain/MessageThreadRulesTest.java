package com.finmatch.loan.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageThreadRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private static Lead leadWith(LeadStatus... steps) {
        Lead lead = new Lead();
        Instant at = NOW.minus(60, ChronoUnit.DAYS);
        for (LeadStatus status : steps) {
            lead.record(new LeadHistoryEntry(status, at, null, null, null, null));
            at = at.plus(10, ChronoUnit.DAYS);
        }
        return lead;
    }

    @Test
    void anOpenLeadKeepsItsThreadOpenHoweverOld() {
        assertTrue(MessageThreadRules.closedReason(leadWith(LeadStatus.SUBMITTED, LeadStatus.RECEIVED), 0, NOW)
                .isEmpty());
    }

    @Test
    void aFinalLeadsThreadClosesThirtyDaysAfterItsFinalStepNotAfterItsLastChange() {
        Lead declined = leadWith(LeadStatus.SUBMITTED, LeadStatus.DECLINED); // declined 50 days ago
        declined.updatedAt = NOW; // a later change that is not a step (e.g. a flag) does not reopen it
        assertTrue(MessageThreadRules.closedReason(declined, 0, NOW).isPresent());
        Instant declinedAt = declined.history.get(1).at();
        assertTrue(MessageThreadRules.closedReason(declined, 0, declinedAt.plus(30, ChronoUnit.DAYS)).isEmpty());
        assertTrue(MessageThreadRules.closedReason(declined, 0, declinedAt.plus(30, ChronoUnit.DAYS).plusSeconds(1))
                .isPresent());
    }

    @Test
    void aFullThreadTakesNoMoreMessages() {
        Lead open = leadWith(LeadStatus.SUBMITTED);
        assertTrue(MessageThreadRules.closedReason(open, MessageThreadRules.MAX_MESSAGES - 1, NOW).isEmpty());
        assertTrue(MessageThreadRules.closedReason(open, MessageThreadRules.MAX_MESSAGES, NOW).isPresent());
    }

    @Test
    void theExcerptIsTheFirst140CharactersNeverHalfASurrogatePair() {
        assertEquals("短消息", MessageThreadRules.excerpt("短消息"));
        String emoji = "😀".repeat(150); // 300 UTF-16 units
        assertEquals("😀".repeat(140), MessageThreadRules.excerpt(emoji));
        assertEquals("a".repeat(140), MessageThreadRules.excerpt("a".repeat(141)));
    }
}
