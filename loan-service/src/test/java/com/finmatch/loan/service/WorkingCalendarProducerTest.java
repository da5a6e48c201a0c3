package com.finmatch.loan.service;

import com.finmatch.loan.domain.China2026;
import com.finmatch.loan.domain.WorkingHoursCalendar;
import com.finmatch.loan.service.WorkingCalendarProducer.Schedule;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped holiday schedule and the configuration keys that add to it. */
class WorkingCalendarProducerTest {

    private static final Schedule SHIPPED = Schedule.load(WorkingCalendarProducer.SCHEDULE);

    private static WorkingHoursCalendar withConfig(String extraHolidays, String extraWorkdays) {
        return WorkingCalendarProducer.build(SHIPPED, Optional.ofNullable(extraHolidays),
                Optional.ofNullable(extraWorkdays));
    }

    private static Schedule parse(String text) throws Exception {
        return Schedule.parse("test.txt", new BufferedReader(new StringReader(text)));
    }

    @Test
    void shouldShipExactlyThe2026ScheduleOfTheStateCouncilNotice() {
        assertEquals(33, SHIPPED.holidays().size());
        assertEquals(6, SHIPPED.workdays().size());
        assertEquals(China2026.HOLIDAYS, SHIPPED.holidays());
        assertEquals(China2026.WORKDAYS, SHIPPED.workdays());
    }

    @Test
    void shouldShipOnlyWeekendsAsMakeUpWorkingDays() {
        for (LocalDate day : SHIPPED.workdays()) {
            assertTrue(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY,
                    day + " is a " + day.getDayOfWeek());
        }
    }

    @Test
    void shouldNameTheSourceNoticeInTheScheduleFile() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(WorkingCalendarProducer.SCHEDULE)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("国务院办公厅关于2026年部分节假日安排的通知"), "source notice named");
        }
    }

    @Test
    void shouldUseTheShippedScheduleWhenNothingIsConfigured() {
        WorkingHoursCalendar calendar = withConfig(null, "");
        assertEquals(China2026.HOLIDAYS, calendar.holidays());
        assertEquals(China2026.WORKDAYS, calendar.workdays());
    }

    @Test
    void shouldHonourADateInExtraHolidays() {
        WorkingHoursCalendar calendar = withConfig("2026-11-26", null); // a Thursday
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-26")));
        // Wed 11-25 10:00 (02:00Z) + 24 h: 14 h on Wednesday, Thursday skipped, 10 h on Friday
        assertEquals(Instant.parse("2026-11-27T02:00:00Z"),
                calendar.addWorkingHours(Instant.parse("2026-11-25T02:00:00Z"), 24));
        assertTrue(calendar.holidays().containsAll(China2026.HOLIDAYS), "the shipped holidays stay");
    }

    @Test
    void shouldHonourADateInExtraWorkdays() {
        WorkingHoursCalendar calendar = withConfig(null, "2026-11-28"); // a Saturday
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-11-28")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-29")));
    }

    @Test
    void shouldLetAConfiguredDateWinOverTheShippedSchedule() {
        WorkingHoursCalendar calendar = withConfig("2026-10-10", "2026-10-07");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-10")), "make-up day cancelled by config");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-07")), "holiday turned into a working day");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-06")), "the other holidays stay");
    }

    @Test
    void shouldReadSeveralCommaSeparatedDatesIgnoringSpaces() {
        assertEquals(Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02")),
                WorkingCalendarProducer.dates(WorkingCalendarProducer.EXTRA_HOLIDAYS,
                        Optional.of(" 2027-01-01 , ,2027-01-02")));
    }

    @Test
    void shouldFailNamingTheKeyAndTheValueForAMalformedDate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withConfig("2027-01-01,2027-02-30", null));
        assertTrue(e.getMessage().contains("finmatch.calendar.extra-holidays"), e.getMessage());
        assertTrue(e.getMessage().contains("\"2027-02-30\""), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> withConfig(null, "2027/02/20"));
        assertTrue(e.getMessage().contains("finmatch.calendar.extra-workdays"), e.getMessage());
        assertTrue(e.getMessage().contains("\"2027/02/20\""), e.getMessage());
    }

    @Test
    void shouldFailWhenBothKeysNameTheSameDate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withConfig("2027-02-20", "2027-02-20"));
        assertTrue(e.getMessage().contains("2027-02-20"), e.getMessage());
        assertTrue(e.getMessage().contains("finmatch.calendar.extra-holidays"), e.getMessage());
    }

    @Test
    void shouldRejectAScheduleLineNamingTheLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse("# comment\nholiday 2027-01-01\nholidy 2027-01-02\n"));
        assertTrue(e.getMessage().contains("test.txt line 3"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parse("workday 2027-13-01"));
        assertTrue(e.getMessage().contains("2027-13-01"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> parse("holiday 2027-01-01\nworkday 2027-01-01 # twice"));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void shouldWarnNamingTheConfigKeysWhenTheCurrentYearHasNoHoliday() {
        WorkingHoursCalendar calendar = withConfig(null, null);
        String warning = WorkingCalendarProducer.missingYearWarning(calendar, LocalDate.parse("2027-01-04"))
                .orElseThrow();
        assertTrue(warning.contains("2027"), warning);
        assertTrue(warning.contains("finmatch.calendar.extra-holidays"), warning);
        assertTrue(warning.contains("finmatch.calendar.extra-workdays"), warning);
        assertEquals(Optional.empty(), WorkingCalendarProducer.missingYearWarning(calendar,
                LocalDate.parse("2026-12-31")));
        assertTrue(WorkingCalendarProducer.missingYearWarning(withConfig("2027-01-01", null),
                LocalDate.parse("2027-01-04")).isEmpty(), "a configured holiday covers the year");
    }
}
