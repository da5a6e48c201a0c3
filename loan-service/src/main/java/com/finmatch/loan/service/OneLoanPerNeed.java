package com.finmatch.loan.service;

import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.platform.http.ProblemException;
import jakarta.persistence.PersistenceException;

/**
 * One need, one loan: once a lead of a financing need is DISBURSED, no other lead of that need may be approved or
 * disbursed (409), even before enterprise-service's ApplicationClosed has closed them. Two banks disbursing the same
 * need at the same moment both pass the check; the unique index {@value #INDEX} lets only the first commit through,
 * and the second is answered 409 too.
 */
final class OneLoanPerNeed {

    static final String INDEX = "lead_one_disbursed_per_need";

    private OneLoanPerNeed() {
    }

    /** Before a decision that moves {@code lead} to {@code next}. */
    static void checkBefore(Lead lead, LeadStatus next) {
        if ((next == LeadStatus.APPROVED || next == LeadStatus.DISBURSED) && lead.financingNeedId != null
                && Lead.count("financingNeedId = ?1 and status = ?2 and id <> ?3", lead.financingNeedId,
                        LeadStatus.DISBURSED, lead.id) > 0) {
            throw needMet();
        }
    }

    /** Writes the decision; the loser of a race for the same need gets 409. */
    static void flush() {
        try {
            Lead.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException c
                        && c.getConstraintName() != null && c.getConstraintName().contains(INDEX)) {
                    throw needMet();
                }
            }
            throw e;
        }
    }

    private static ProblemException needMet() {
        return ProblemException.conflict("the enterprise's financing need has been met by a loan already disbursed;"
                + " this lead can no longer be approved or disbursed");
    }
}
