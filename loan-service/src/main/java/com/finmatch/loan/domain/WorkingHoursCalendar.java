package com.finmatch.loan.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Counts a bank's promised response hours on working days only, on the China Standard Time calendar (UTC+8).
 * A working day is a Monday to Friday that is not a public holiday, or a make-up working day (调休上班): a Saturday
 * or Sunday the State Council's schedule turns into a working day. Every hour of a working day counts; other days
 * do not, so 72 hours are three working days, and a lead submitted on a Saturday that is no make-up day starts
 * counting at 00:00 of the next working day.
 *
 * <p>The calendar knows only the dates it is given: a year without holidays counts every Monday to Friday.
 */
public final class WorkingHoursCalendar {

    /** China Standard Time, the calendar of every working day and of every "today" in loan-service. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final SortedSet<LocalDate> holidays;
    private final SortedSet<LocalDate> workdays;

    /**
     * @param holidays public holidays: no working day, whatever the day of the week
     * @param workdays make-up working days: a working day, whatever the day of the week
     * @throws IllegalArgumentException when a date is in both sets
     */
    public WorkingHoursCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        SortedSet<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a date cannot be both a holiday and a working day: " + both);
        }
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        this.workdays = Collections.unmodifiableSortedSet(new TreeSet<>(workdays));
    }

    /** The public holidays, in order. */
    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    /** The make-up working days, in order. */
    public SortedSet<LocalDate> workdays() {
        return workdays;
    }

    /** Whether the calendar holds any public holiday in {@code year} (else that year's schedule is missing). */
    public boolean hasHolidaysIn(int year) {
        return !holidays.subSet(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).isEmpty();
    }

    /** Whether every hour of {@code day} counts. */
    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (workdays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The working time between two instants: the parts of working days between them, on the same calendar as
     * {@link #addWorkingHours} (zero when {@code end} is not after {@code start}). A bank's response time.
     */
    public Duration workingTimeBetween(Instant start, Instant end) {
        LocalDateTime at = LocalDateTime.ofInstant(start, CHINA);
        LocalDateTime until = LocalDateTime.ofInstant(end, CHINA);
        Duration total = Duration.ZERO;
        while (at.isBefore(until)) {
            LocalDateTime endOfDay = at.toLocalDate().plusDays(1).atStartOfDay();
            if (isWorkingDay(at.toLocalDate())) {
                total = total.plus(Duration.between(at, endOfDay.isBefore(until) ? endOfDay : until));
            }
            at = endOfDay;
        }
        return total;
    }

    /** The moment {@code hours} working hours after {@code start}. */
    public Instant addWorkingHours(Instant start, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
        LocalDateTime at = LocalDateTime.ofInstant(start, CHINA);
        Duration remaining = Duration.ofHours(hours);
        while (true) {
            LocalDateTime endOfDay = at.toLocalDate().plusDays(1).atStartOfDay();
            if (!isWorkingDay(at.toLocalDate())) {
                at = endOfDay;
                continue;
            }
            Duration available = Duration.between(at, endOfDay);
            if (remaining.compareTo(available) <= 0) {
                return at.plus(remaining).toInstant(CHINA);
            }
            remaining = remaining.minus(available);
            at = endOfDay;
        }
    }
}
