package com.finmatch.loan.api;

import com.finmatch.loan.domain.DayKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a date of the working-hours calendar is: {@code HOLIDAY} or {@code WORKDAY} (a weekend worked), and a name. */
public record CalendarDayRequest(@NotNull DayKind kind, @NotBlank @Size(max = 100) String name) {
}
