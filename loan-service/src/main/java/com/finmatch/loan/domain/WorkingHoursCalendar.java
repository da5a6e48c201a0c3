package com.finmatch.loan.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Counts a bank's promised response hours on working days only: Monday to Friday of the China Standard Time
 * calendar (UTC+8). Every hour of a working day counts; Saturdays and Sundays do not, so 72 hours are three working
 * days, and a lead submitted on a Saturday starts counting on Monday at 00:00.
 */
public final class WorkingHoursCalendar {

    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private WorkingHoursCalendar() {
    }

    /** The moment {@code hours} working hours after {@code start}. */
    public static Instant addWorkingHours(Instant start, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
        LocalDateTime at = LocalDateTime.ofInstant(start, CHINA);
        Duration remaining = Duration.ofHours(hours);
        while (true) {
            if (isWeekend(at.getDayOfWeek())) {
                at = at.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            LocalDateTime endOfDay = at.toLocalDate().plusDays(1).atStartOfDay();
            Duration available = Duration.between(at, endOfDay);
            if (remaining.compareTo(available) <= 0) {
                return at.plus(remaining).toInstant(CHINA);
            }
            remaining = remaining.minus(available);
            at = endOfDay;
        }
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
