package com.finmatch.loan.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingHoursCalendarTest {

    /** China's 2026 calendar as the State Council published it. */
    private final WorkingHoursCalendar calendar = China2026.calendar();

    /** A time on the China Standard Time calendar (2026-11-23 is a Monday). */
    private static Instant cst(int month, int day, int hour, int minute) {
        return OffsetDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }

    @Test
    void shouldCountHoursWithinTheSameWeekDirectly() {
        assertEquals(cst(11, 26, 10, 0), calendar.addWorkingHours(cst(11, 23, 10, 0), 72));
    }

    @Test
    void shouldSkipTheWeekendWhenSubmittedOnFriday() {
        // Friday 10:00 + 48 h: 14 h left on Friday, weekend skipped, 34 h from Monday 00:00 → Tuesday 10:00
        assertEquals(cst(12, 1, 10, 0), calendar.addWorkingHours(cst(11, 27, 10, 0), 48));
    }

    @Test
    void shouldStartCountingOnMondayWhenSubmittedOnSaturday() {
        assertEquals(cst(11, 30, 8, 0), calendar.addWorkingHours(cst(11, 28, 15, 30), 8));
    }

    @Test
    void shouldStartCountingOnMondayWhenSubmittedOnSunday() {
        assertEquals(cst(12, 3, 0, 0), calendar.addWorkingHours(cst(11, 29, 23, 59), 72));
    }

    @Test
    void shouldUseTheChinaCalendarNotUtc() {
        // Friday 20:00 UTC is already Saturday 04:00 in China: counting starts on Monday 00:00 CST
        Instant fridayEveningUtc = OffsetDateTime.of(2026, 11, 27, 20, 0, 0, 0, ZoneOffset.UTC).toInstant();
        assertEquals(cst(11, 30, 10, 0), calendar.addWorkingHours(fridayEveningUtc, 10));
    }

    @Test
    void shouldSpanSeveralWeekendsForLongPromises() {
        // Monday 09:00 + 240 h = 10 working days → two weeks later, Monday 09:00
        assertEquals(cst(12, 7, 9, 0), calendar.addWorkingHours(cst(11, 23, 9, 0), 240));
    }

    @Test
    void shouldEndOnFridayMidnightWhenTheHoursRunOutExactly() {
        assertEquals(cst(11, 28, 0, 0), calendar.addWorkingHours(cst(11, 27, 0, 0), 24));
    }

    @Test
    void shouldRejectNegativeHours() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingHours(Instant.now(), -1));
    }

    @Test
    void shouldNotCountTheNationalDayHolidays() {
        // Wed 09-30 10:00 + 48 h: 14 h on 09-30; 10-01..10-07 are holidays (Thu..Wed); 24 h on Thu 10-08 (38 h);
        // the last 10 h on Fri 10-09 → Fri 10-09 10:00 (on Mon–Fri alone it would be Fri 10-02 10:00)
        assertEquals(cst(10, 9, 10, 0), calendar.addWorkingHours(cst(9, 30, 10, 0), 48));
    }

    @Test
    void shouldCountTheMakeUpSaturdayAfterNationalDay() {
        // Wed 09-30 10:00 + 72 h: 14 h on 09-30, holidays 10-01..10-07, 24 h on 10-08, 24 h on 10-09 (62 h);
        // Sat 10-10 is a make-up working day: the last 10 h end there → Sat 10-10 10:00 (not Mon 10-12 10:00)
        assertEquals(cst(10, 10, 10, 0), calendar.addWorkingHours(cst(9, 30, 10, 0), 72));
    }

    @Test
    void shouldCountTheMakeUpSaturdayBeforeTheSpringFestival() {
        // Fri 02-13 12:00 + 24 h: 12 h on Friday, the other 12 h on Sat 02-14, a make-up working day
        // → Sat 02-14 12:00 (on Mon–Fri alone it would be Mon 02-16 12:00)
        assertEquals(cst(2, 14, 12, 0), calendar.addWorkingHours(cst(2, 13, 12, 0), 24));
    }

    @Test
    void shouldNotCountTheSpringFestivalHolidays() {
        // Fri 02-13 12:00 + 48 h: 12 h on 02-13, 24 h on Sat 02-14 (36 h); 02-15..02-23 are holidays;
        // the last 12 h on Tue 02-24 → Tue 02-24 12:00
        assertEquals(cst(2, 24, 12, 0), calendar.addWorkingHours(cst(2, 13, 12, 0), 48));
    }

    @Test
    void shouldStartCountingAfterTheHolidayWhenSubmittedDuringIt() {
        // submitted on Sat 10-03, inside National Day: counting starts Thu 10-08 00:00
        assertEquals(cst(10, 8, 8, 0), calendar.addWorkingHours(cst(10, 3, 15, 30), 8));
    }

    @Test
    void shouldStillSkipAnOrdinaryWeekendNextToAMakeUpDay() {
        // Fri 10-16 10:00 + 24 h: 14 h on Friday; Sat 10-17 and Sun 10-18 are no make-up days → Mon 10-19 10:00
        assertEquals(cst(10, 19, 10, 0), calendar.addWorkingHours(cst(10, 16, 10, 0), 24));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-11")));
    }

    @Test
    void shouldTellWorkingDaysFromHolidaysAndWeekends() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-01")), "a Thursday holiday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-10")), "a make-up Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-09-20")), "a make-up Sunday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-08")), "an ordinary Thursday");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-28")), "an ordinary Saturday");
    }

    @Test
    void shouldCountEveryWeekdayOfAYearItHasNoScheduleFor() {
        assertTrue(calendar.hasHolidaysIn(2026));
        assertFalse(calendar.hasHolidaysIn(2027));
        assertFalse(calendar.hasHolidaysIn(2025));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2027-01-01")), "2027's schedule is not known here");
    }

    @Test
    void shouldRejectADateThatIsBothAHolidayAndAWorkingDay() {
        Set<LocalDate> day = Set.of(LocalDate.parse("2026-10-10"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkingHoursCalendar(day, day));
        assertTrue(e.getMessage().contains("2026-10-10"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ response times

    @Test
    void shouldMeasureTheWorkingTimeBetweenTwoInstantsWithoutTheWeekend() {
        // Friday 10:00 → Monday 10:00: 14 h on Friday, none on the weekend, 10 h on Monday (72 clock hours)
        assertEquals(Duration.ofHours(24), calendar.workingTimeBetween(cst(11, 27, 10, 0), cst(11, 30, 10, 0)));
        assertEquals(Duration.ofMinutes(90), calendar.workingTimeBetween(cst(11, 24, 9, 0), cst(11, 24, 10, 30)));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(cst(11, 28, 9, 0), cst(11, 29, 18, 0)), "a weekend");
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(cst(11, 30, 10, 0), cst(11, 27, 10, 0)),
                "an end before the start");
    }

    @Test
    void shouldMeasureWorkingTimeOnTheHolidayScheduleAsDueTimesAre() {
        // Wed 09-30 10:00 → Thu 10-08 10:00: 14 h, National Day 10-01..10-07 skipped, 10 h → 24 h
        assertEquals(Duration.ofHours(24), calendar.workingTimeBetween(cst(9, 30, 10, 0), cst(10, 8, 10, 0)));
        // Sat 10-10 is a make-up working day (调休上班): it counts
        assertEquals(Duration.ofHours(10), calendar.workingTimeBetween(cst(10, 10, 0, 0), cst(10, 10, 10, 0)));
        // the inverse of addWorkingHours
        Instant start = cst(9, 30, 10, 0);
        assertEquals(Duration.ofHours(48), calendar.workingTimeBetween(start, calendar.addWorkingHours(start, 48)));
    }
}
