package com.finmatch.loan.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkingHoursCalendarTest {

    /** A time on the China Standard Time calendar (2026-11-23 is a Monday). */
    private static Instant cst(int month, int day, int hour, int minute) {
        return OffsetDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }

    @Test
    void shouldCountHoursWithinTheSameWeekDirectly() {
        assertEquals(cst(11, 26, 10, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 23, 10, 0), 72));
    }

    @Test
    void shouldSkipTheWeekendWhenSubmittedOnFriday() {
        // Friday 10:00 + 48 h: 14 h left on Friday, weekend skipped, 34 h from Monday 00:00 → Tuesday 10:00
        assertEquals(cst(12, 1, 10, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 27, 10, 0), 48));
    }

    @Test
    void shouldStartCountingOnMondayWhenSubmittedOnSaturday() {
        assertEquals(cst(11, 30, 8, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 28, 15, 30), 8));
    }

    @Test
    void shouldStartCountingOnMondayWhenSubmittedOnSunday() {
        assertEquals(cst(12, 3, 0, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 29, 23, 59), 72));
    }

    @Test
    void shouldUseTheChinaCalendarNotUtc() {
        // Friday 20:00 UTC is already Saturday 04:00 in China: counting starts on Monday 00:00 CST
        Instant fridayEveningUtc = OffsetDateTime.of(2026, 11, 27, 20, 0, 0, 0, ZoneOffset.UTC).toInstant();
        assertEquals(cst(11, 30, 10, 0), WorkingHoursCalendar.addWorkingHours(fridayEveningUtc, 10));
    }

    @Test
    void shouldSpanSeveralWeekendsForLongPromises() {
        // Monday 09:00 + 240 h = 10 working days → two weeks later, Monday 09:00
        assertEquals(cst(12, 7, 9, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 23, 9, 0), 240));
    }

    @Test
    void shouldEndOnFridayMidnightWhenTheHoursRunOutExactly() {
        assertEquals(cst(11, 28, 0, 0), WorkingHoursCalendar.addWorkingHours(cst(11, 27, 0, 0), 24));
    }

    @Test
    void shouldRejectNegativeHours() {
        assertThrows(IllegalArgumentException.class, () -> WorkingHoursCalendar.addWorkingHours(Instant.now(), -1));
    }
}
