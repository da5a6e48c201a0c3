package com.finmatch.loan.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/** What a date of the working-hours calendar is: a public holiday, or a make-up working day (调休上班). */
public enum DayKind {
    /** No working day, whatever the day of the week. */
    HOLIDAY,
    /** A Saturday or Sunday that is a working day. */
    WORKDAY;

    /** Why {@code day} cannot be of this kind, if it cannot: a make-up working day is a Saturday or Sunday. */
    public Optional<String> refusal(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (this == WORKDAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
            return Optional.of("a make-up working day (WORKDAY) is a Saturday or Sunday; " + day + " is a " + weekday
                    + ", a working day anyway");
        }
        return Optional.empty();
    }
}
