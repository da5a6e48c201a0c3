package com.finmatch.loan.service;

import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Escalates leads their bank has not answered by their due time: each such lead is flagged overdue once (a field
 * administrators see) and a LeadOverdue event is published.
 */
@ApplicationScoped
public class OverdueLeadCheck {

    static final int BATCH = 500;

    @Inject
    Outbox outbox;

    /** Flags and announces up to one batch of leads unanswered past their due time; returns how many. */
    @Transactional
    public int escalate(Instant now) {
        List<Lead> late = Lead.<Lead>find("status = ?1 and overdue = false and dueAt < ?2 order by dueAt",
                LeadStatus.SUBMITTED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another instance has them
                .page(0, BATCH).list();
        for (Lead lead : late) {
            lead.overdue = true;
            lead.escalatedAt = now;
            outbox.publish(LoanEvents.LEAD_TOPIC, lead.id.toString(), LoanEvents.LEAD_OVERDUE,
                    LoanEvents.LeadOverduePayload.of(lead, now));
        }
        return late.size();
    }
}
