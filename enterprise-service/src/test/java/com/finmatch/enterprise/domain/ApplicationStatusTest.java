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
            "APPROVED, CLOSED, false"})
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
    }
}
