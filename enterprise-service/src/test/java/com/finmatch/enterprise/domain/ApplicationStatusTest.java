package com.finmatch.enterprise.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.finmatch.enterprise.domain.ApplicationStatus.valueOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationStatusTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "SUBMITTED, RECEIVED, true",
            "SUBMITTED, UNDER_REVIEW, true",
            "RECEIVED, UNDER_REVIEW, true",
            "UNDER_REVIEW, APPROVED, true",
            "APPROVED, DISBURSED, true",
            "SUBMITTED, DECLINED, true",
            "UNDER_REVIEW, DECLINED, true",
            "APPROVED, DECLINED, true",
            "UNDER_REVIEW, RECEIVED, false",
            "APPROVED, UNDER_REVIEW, false",
            "RECEIVED, RECEIVED, false",
            "DECLINED, APPROVED, false",
            "DISBURSED, DECLINED, false",
            "WITHDRAWN, RECEIVED, false",
            "SUBMITTED, WITHDRAWN, false",
            "SUBMITTED, SUBMITTED, false",
            "CLOSED, RECEIVED, false",
            "CLOSED, DISBURSED, false",
            "APPROVED, CLOSED, false",
            "SUBMITTED, MATERIALS_REQUESTED, true",
            "RECEIVED, MATERIALS_REQUESTED, true",
            "UNDER_REVIEW, MATERIALS_REQUESTED, true",
            "MATERIALS_REQUESTED, UNDER_REVIEW, true",
            "MATERIALS_REQUESTED, DECLINED, true",
            "MATERIALS_REQUESTED, APPROVED, true",
            "MATERIALS_REQUESTED, MATERIALS_REQUESTED, false",
            "MATERIALS_REQUESTED, RECEIVED, false",
            "APPROVED, MATERIALS_REQUESTED, false",
            "DECLINED, MATERIALS_REQUESTED, false"})
    void shouldMoveOnlyForwardOrToDeclinedAndNeverOutOfAFinalState(String from, String to, boolean legal) {
        assertEquals(legal, valueOf(from).canAdvanceTo(valueOf(to)));
    }

    @Test
    void shouldCallDisbursedDeclinedAndWithdrawnFinal() {
        assertTrue(ApplicationStatus.DISBURSED.isFinal());
        assertTrue(ApplicationStatus.DECLINED.isFinal());
        assertTrue(ApplicationStatus.WITHDRAWN.isFinal());
        assertTrue(ApplicationStatus.CLOSED.isFinal());
        assertFalse(ApplicationStatus.APPROVED.isFinal());
        assertFalse(ApplicationStatus.SUBMITTED.isFinal());
        assertFalse(ApplicationStatus.MATERIALS_REQUESTED.isFinal());
    }

    @Test
    void anApplicationWaitingForMaterialsIsStillActiveAndReportedByTheBank() {
        assertTrue(Application.ACTIVE.contains(ApplicationStatus.MATERIALS_REQUESTED));
        assertTrue(ApplicationStatus.MATERIALS_REQUESTED.isReportedByBank());
    }
}
