package com.finmatch.loan.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal decisions on a lead: SUBMITTED → RECEIVED → UNDER_REVIEW → APPROVED → DISBURSED, and DECLINED from any
 * status before approval. A bank may ask for more materials (补件, REQUEST_MATERIALS) before approval: the lead waits
 * in MATERIALS_REQUESTED until the enterprise answers (SUBMIT_MATERIALS) and is UNDER_REVIEW again; the bank may also
 * decline it while it waits. Final statuses (DECLINED, DISBURSED, WITHDRAWN, CLOSED) accept nothing.
 */
public final class LeadStateMachine {

    private static final Map<LeadAction, Set<LeadStatus>> FROM = new EnumMap<>(LeadAction.class);
    private static final Map<LeadAction, LeadStatus> TO = new EnumMap<>(LeadAction.class);

    static {
        FROM.put(LeadAction.RECEIVE, Set.of(LeadStatus.SUBMITTED));
        TO.put(LeadAction.RECEIVE, LeadStatus.RECEIVED);
        FROM.put(LeadAction.REVIEW, Set.of(LeadStatus.RECEIVED));
        TO.put(LeadAction.REVIEW, LeadStatus.UNDER_REVIEW);
        FROM.put(LeadAction.APPROVE, Set.of(LeadStatus.UNDER_REVIEW));
        TO.put(LeadAction.APPROVE, LeadStatus.APPROVED);
        FROM.put(LeadAction.DISBURSE, Set.of(LeadStatus.APPROVED));
        TO.put(LeadAction.DISBURSE, LeadStatus.DISBURSED);
        FROM.put(LeadAction.DECLINE, Set.of(LeadStatus.SUBMITTED, LeadStatus.RECEIVED, LeadStatus.UNDER_REVIEW,
                LeadStatus.MATERIALS_REQUESTED));
        TO.put(LeadAction.DECLINE, LeadStatus.DECLINED);
        FROM.put(LeadAction.REQUEST_MATERIALS, Set.of(LeadStatus.SUBMITTED, LeadStatus.RECEIVED,
                LeadStatus.UNDER_REVIEW));
        TO.put(LeadAction.REQUEST_MATERIALS, LeadStatus.MATERIALS_REQUESTED);
        FROM.put(LeadAction.SUBMIT_MATERIALS, Set.of(LeadStatus.MATERIALS_REQUESTED));
        TO.put(LeadAction.SUBMIT_MATERIALS, LeadStatus.UNDER_REVIEW);
    }

    private LeadStateMachine() {
    }

    /** The status the action leads to from {@code current}, or empty when the move is illegal. */
    public static Optional<LeadStatus> next(LeadStatus current, LeadAction action) {
        return FROM.get(action).contains(current) ? Optional.of(TO.get(action)) : Optional.empty();
    }

    /** The statuses from which the action is legal (for error messages). */
    public static Set<LeadStatus> legalFrom(LeadAction action) {
        return FROM.get(action);
    }
}
