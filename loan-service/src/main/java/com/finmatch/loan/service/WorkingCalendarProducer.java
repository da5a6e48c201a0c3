package com.finmatch.loan.service;

import com.finmatch.loan.domain.WorkingHoursCalendar;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one {@link WorkingHoursCalendar} of loan-service, built at start-up from the holiday schedule shipped as data
 * ({@value #SCHEDULE}) plus the dates operators add by configuration without a release
 * ({@value #EXTRA_HOLIDAYS}, {@value #EXTRA_WORKDAYS}: comma-separated ISO dates). A configured date overrides the
 * file: an extra holiday is no make-up working day even when the file says so, and the other way round. A bad date
 * fails start-up naming the key and the value; a year without any holiday logs a warning.
 */
@ApplicationScoped
public class WorkingCalendarProducer {

    static final String SCHEDULE = "calendar/china-holidays.txt";
    static final String EXTRA_HOLIDAYS = "finmatch.calendar.extra-holidays";
    static final String EXTRA_WORKDAYS = "finmatch.calendar.extra-workdays";

    private static final Logger LOG = Logger.getLogger(WorkingCalendarProducer.class);

    @Produces
    @Singleton
    @Startup
    WorkingHoursCalendar workingHoursCalendar(
            @ConfigProperty(name = EXTRA_HOLIDAYS) Optional<String> extraHolidays,
            @ConfigProperty(name = EXTRA_WORKDAYS) Optional<String> extraWorkdays) {
        Schedule shipped = Schedule.load(SCHEDULE);
        WorkingHoursCalendar calendar = build(shipped, extraHolidays, extraWorkdays);
        LOG.infof("working-hours calendar: %d holidays and %d make-up working days (%s: %d and %d; %s=%s; %s=%s)",
                calendar.holidays().size(), calendar.workdays().size(), SCHEDULE, shipped.holidays().size(),
                shipped.workdays().size(), EXTRA_HOLIDAYS, extraHolidays.orElse(""), EXTRA_WORKDAYS,
                extraWorkdays.orElse(""));
        missingYearWarning(calendar, LocalDate.now(WorkingHoursCalendar.CHINA)).ifPresent(LOG::warn);
        return calendar;
    }

    /** The shipped schedule with the configured dates on top; a configured date wins over the file. */
    static WorkingHoursCalendar build(Schedule schedule, Optional<String> extraHolidays,
            Optional<String> extraWorkdays) {
        Set<LocalDate> addedHolidays = dates(EXTRA_HOLIDAYS, extraHolidays);
        Set<LocalDate> addedWorkdays = dates(EXTRA_WORKDAYS, extraWorkdays);
        Set<LocalDate> both = new TreeSet<>(addedHolidays);
        both.retainAll(addedWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(EXTRA_HOLIDAYS + " and " + EXTRA_WORKDAYS
                    + " both name " + both + ": a date is either a holiday or a working day");
        }
        Set<LocalDate> holidays = new HashSet<>(schedule.holidays());
        holidays.removeAll(addedWorkdays);
        holidays.addAll(addedHolidays);
        Set<LocalDate> workdays = new HashSet<>(schedule.workdays());
        workdays.removeAll(addedHolidays);
        workdays.addAll(addedWorkdays);
        return new WorkingHoursCalendar(holidays, workdays);
    }

    /** The dates of one configuration key: ISO dates separated by commas; empty or absent is none. */
    static Set<LocalDate> dates(String key, Optional<String> value) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String item : value.orElse("").split(",")) {
            String text = item.trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": \"" + text
                        + "\" is not a date; expected ISO dates (yyyy-MM-dd) separated by commas, e.g. 2027-01-01");
            }
        }
        return dates;
    }

    /** A warning when the calendar has no holiday in {@code today}'s year: that year's schedule is missing. */
    static Optional<String> missingYearWarning(WorkingHoursCalendar calendar, LocalDate today) {
        int year = today.getYear();
        if (calendar.hasHolidaysIn(year)) {
            return Optional.empty();
        }
        return Optional.of(("working-hours calendar has no public holiday in %d (China time): lead due times count"
                + " every Monday to Friday of %d and no make-up working day. Add the State Council's %d holiday"
                + " schedule to loan-service %s, or set %s and %s (env FINMATCH_CALENDAR_EXTRA_HOLIDAYS,"
                + " FINMATCH_CALENDAR_EXTRA_WORKDAYS) to comma-separated ISO dates")
                .formatted(year, year, year, SCHEDULE, EXTRA_HOLIDAYS, EXTRA_WORKDAYS));
    }

    /** The dates of a schedule file: lines "holiday YYYY-MM-DD" and "workday YYYY-MM-DD"; '#' starts a comment. */
    record Schedule(Set<LocalDate> holidays, Set<LocalDate> workdays) {

        static Schedule load(String resource) {
            InputStream in = WorkingCalendarProducer.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("holiday schedule " + resource + " is not on the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return parse(resource, reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read holiday schedule " + resource, e);
            }
        }

        static Schedule parse(String name, BufferedReader reader) throws IOException {
            Set<LocalDate> holidays = new TreeSet<>();
            Set<LocalDate> workdays = new TreeSet<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (content.isEmpty()) {
                    continue;
                }
                String[] parts = content.split("\\s+");
                String where = name + " line " + number + " (\"" + content + "\")";
                if (parts.length != 2) {
                    throw new IllegalStateException(
                            where + ": expected \"holiday YYYY-MM-DD\" or \"workday YYYY-MM-DD\"");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(parts[1]);
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(where + ": \"" + parts[1] + "\" is not an ISO date (yyyy-MM-dd)");
                }
                Set<LocalDate> target = switch (parts[0]) {
                    case "holiday" -> holidays;
                    case "workday" -> workdays;
                    default -> throw new IllegalStateException(where + ": \"" + parts[0]
                            + "\" is neither holiday nor workday");
                };
                if (holidays.contains(date) || workdays.contains(date)) {
                    throw new IllegalStateException(where + ": " + date + " is listed twice");
                }
                target.add(date);
            }
            return new Schedule(holidays, workdays);
        }
    }
}
