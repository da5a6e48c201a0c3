package com.finmatch.loan.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 2026 schedule of 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), written out by hand from the notice for
 * the tests: 33 holidays, 6 make-up working days.
 */
public final class China2026 {

    public static final Set<LocalDate> HOLIDAYS = union(
            range("2026-01-01", "2026-01-03"), // 元旦
            range("2026-02-15", "2026-02-23"), // 春节
            range("2026-04-04", "2026-04-06"), // 清明节
            range("2026-05-01", "2026-05-05"), // 劳动节
            range("2026-06-19", "2026-06-21"), // 端午节
            range("2026-09-25", "2026-09-27"), // 中秋节
            range("2026-10-01", "2026-10-07")); // 国庆节

    public static final Set<LocalDate> WORKDAYS = Set.of(
            LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));

    private China2026() {
    }

    public static WorkingHoursCalendar calendar() {
        return new WorkingHoursCalendar(HOLIDAYS, WORKDAYS);
    }

    private static Set<LocalDate> range(String first, String last) {
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @SafeVarargs
    private static Set<LocalDate> union(Set<LocalDate>... sets) {
        Set<LocalDate> all = new TreeSet<>();
        for (Set<LocalDate> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
