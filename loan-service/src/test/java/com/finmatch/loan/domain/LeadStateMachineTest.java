package com.finmatch.loan.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeadStateMachineTest {

    /** Every legal move; every other (status, action) pair must be illegal. */
    private static final Map<LeadStatus, Map<LeadAction, LeadStatus>> LEGAL = new EnumMap<>(LeadStatus.class);

    static {
        for (LeadStatus s : LeadStatus.values()) {
            LEGAL.put(s, new EnumMap<>(LeadAction.class));
        }
        LEGAL.get(LeadStatus.SUBMITTED).put(LeadAction.RECEIVE, LeadStatus.RECEIVED);
        LEGAL.get(LeadStatus.SUBMITTED).put(LeadAction.DECLINE, LeadStatus.DECLINED);
        LEGAL.get(LeadStatus.RECEIVED).put(LeadAction.REVIEW, LeadStatus.UNDER_REVIEW);
        LEGAL.get(LeadStatus.RECEIVED).put(LeadAction.DECLINE, LeadStatus.DECLINED);
        LEGAL.get(LeadStatus.UNDER_REVIEW).put(LeadAction.APPROVE, LeadStatus.APPROVED);
        LEGAL.get(LeadStatus.UNDER_REVIEW).put(LeadAction.DECLINE, LeadStatus.DECLINED);
        LEGAL.get(LeadStatus.APPROVED).put(LeadAction.DISBURSE, LeadStatus.DISBURSED);
        for (LeadStatus s : new LeadStatus[] {LeadStatus.SUBMITTED, LeadStatus.RECEIVED, LeadStatus.UNDER_REVIEW}) {
            LEGAL.get(s).put(LeadAction.REQUEST_MATERIALS, LeadStatus.MATERIALS_REQUESTED);
        }
        LEGAL.get(LeadStatus.MATERIALS_REQUESTED).put(LeadAction.SUBMIT_MATERIALS, LeadStatus.UNDER_REVIEW);
        LEGAL.get(LeadStatus.MATERIALS_REQUESTED).put(LeadAction.DECLINE, LeadStatus.DECLINED);
    }

    @Test
    void shouldAllowExactlyTheLegalMovesFromEveryStatus() {
        int legal = 0;
        for (LeadStatus status : LeadStatus.values()) {
            for (LeadAction action : LeadAction.values()) {
                Optional<LeadStatus> expected = Optional.ofNullable(LEGAL.get(status).get(action));
                assertEquals(expected, LeadStateMachine.next(status, action), action + " on " + status);
                legal += expected.isPresent() ? 1 : 0;
            }
        }
        assertEquals(12, legal);
    }

    @Test
    void aLeadWaitingForMaterialsIsNotFinalAndReturnsToReviewWhenTheEnterpriseAnswers() {
        assertEquals(false, LeadStatus.MATERIALS_REQUESTED.isFinal());
        LeadStatus waiting = LeadStateMachine.next(LeadStatus.UNDER_REVIEW, LeadAction.REQUEST_MATERIALS).orElseThrow();
        assertEquals(Optional.empty(), LeadStateMachine.next(waiting, LeadAction.APPROVE));
        assertEquals(Optional.empty(), LeadStateMachine.next(waiting, LeadAction.REQUEST_MATERIALS));
        assertEquals(Optional.of(LeadStatus.UNDER_REVIEW), LeadStateMachine.next(waiting, LeadAction.SUBMIT_MATERIALS));
    }

    @Test
    void onlyTheEnterprisesAnswerIsNoBankDecision() {
        for (LeadAction action : LeadAction.values()) {
            assertEquals(action != LeadAction.SUBMIT_MATERIALS, action.isBankDecision(), action.name());
        }
    }

    @Test
    void shouldAcceptNothingInAFinalStatus() {
        for (LeadStatus status : new LeadStatus[] {LeadStatus.DECLINED, LeadStatus.DISBURSED, LeadStatus.WITHDRAWN,
                LeadStatus.CLOSED}) {
            assertEquals(true, status.isFinal());
            for (LeadAction action : LeadAction.values()) {
                assertEquals(Optional.empty(), LeadStateMachine.next(status, action), action + " on " + status);
            }
        }
    }
}
